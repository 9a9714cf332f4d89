// Generated from src-ts/lwc/whatsappOtpComposer/quickAction.ts by scripts/build.mjs. Do not edit: change the TypeScript source and run npm run build.
// The end of the Send OTP quick action: a verified customer closes the modal with a success toast.
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import verifiedToastLabel from '@salesforce/label/c.WhatsAppOtp_UI_VerifiedToastTitle';
import verifiedLabel from '@salesforce/label/c.WhatsAppOtp_UI_Verified';
import { formatLabel } from './otpFormat';
/**
 * Closes the quick action's modal (CloseActionScreenEvent) and says with a success toast who was verified.
 * SLDS Toasts guidelines: "a user edits an opportunity via a modal and saves it. The modal closes and the
 * toast appears" (https://www.lightningdesignsystem.com/guidelines/messaging/components/toasts). Errors stay
 * inline in the card, where the agent is looking, never also as a toast.
 */
export function closeVerifiedQuickAction(component, maskedPhone) {
    component.dispatchEvent(new ShowToastEvent({
        title: verifiedToastLabel,
        message: formatLabel(verifiedLabel, maskedPhone),
        variant: 'success'
    }));
    component.dispatchEvent(new CloseActionScreenEvent());
}
