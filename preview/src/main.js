// Entry of the preview page. Synthetic shadow comes first: Lightning Experience renders components with
// it, and without it the composer's own SLDS classes lose their styling.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PreviewApp from 'preview/app';

document.getElementById('root').appendChild(createElement('preview-app', { is: PreviewApp }));

// `npm start` watches the sources; reload once a rebuild is ready.
new EventSource('/sim/reload').addEventListener('rebuilt', () => window.location.reload());
