// Stand-in for lightning/actions: the platform's CloseActionScreenEvent, which closes a quick action's modal.
// The preview page hosts no quick action, so nothing listens for it (the composer fires it only there).
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('close', { bubbles: true, composed: true });
    }
}
