// lightning/actions for Jest. The same event as the platform's CloseActionScreenEvent (name, bubbling and
// composed), so a test can listen for 'close' on the component.
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('close', { bubbles: true, composed: true });
    }
}
