// Stand-in for lightning/actions: the platform's CloseActionScreenEvent, which closes a quick action's modal.
// The preview page has no quick action modal; the page listens for it and records that it was asked to close.
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('close', { bubbles: true, composed: true });
    }
}
