// Generated from src-ts/lwc/whatsappOtpDeliveryStatus/whatsappOtpDeliveryStatus.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
import { LightningElement, api } from 'lwc';
import { deliveryView } from 'c/whatsappOtpDeliveryView';
/**
 * The delivery of the current code as the agent sees it: WhatsApp's ticks (one grey sent, two grey
 * delivered, two blue read), a failure with 8x8's reason, the SMS fallback, and what to do next when
 * nothing delivered. Display only: the parent passes getSendStatus's delivery fields and announces changes
 * in its own aria-live region, so this makes no Apex call and announces nothing itself.
 */
export default class WhatsappOtpDeliveryStatus extends LightningElement {
    /** getSendStatus's delivery fields; undefined shows nothing. */
    @api
    status;
    get view() {
        return deliveryView(this.status);
    }
    get hasLines() {
        return this.view.lines.length > 0;
    }
    get lines() {
        return this.view.lines.map((line) => ({
            ...line,
            className: line.failed
                ? 'slds-item slds-grid slds-grid_vertical-align-center slds-text-color_error'
                : 'slds-item slds-grid slds-grid_vertical-align-center',
            oneTick: line.ticks === 'sent',
            twoTicks: line.ticks === 'delivered' || line.ticks === 'read',
            tickClass: line.ticks === 'read' ? 'ticks ticks_read slds-m-right_x-small' : 'ticks slds-m-right_x-small',
            iconVariant: line.failed ? 'error' : undefined
        }));
    }
    get nextStep() {
        return this.view.nextStep;
    }
}
