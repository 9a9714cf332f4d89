// lightning/platformShowToastEvent for Jest. Same event as the platform's (name, detail, bubbling and
// composed), so a test can listen for 'lightning__showtoast' on the component and read event.detail.
export const ShowToastEventName = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super(ShowToastEventName, {
            composed: true,
            cancelable: true,
            bubbles: true,
            detail: toast
        });
    }
}
