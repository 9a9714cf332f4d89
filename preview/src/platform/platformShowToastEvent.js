// Stand-in for lightning/platformShowToastEvent: the same event the platform's ShowToastEvent fires.
// The page's toast bridge (preview/app) turns it into a lightning-toast, as Lightning Experience does.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
