// Stand-in for lightning/platformShowToastEvent: the same event the platform's ShowToastEvent fires. The composer
// toasts only in the quick action, which the preview page does not host, so the page shows no toast.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
