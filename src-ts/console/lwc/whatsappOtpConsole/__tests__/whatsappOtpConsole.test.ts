// The console wrapper hands the composer the record of its page, or in the utility bar the record in view.
import { createElement } from 'lwc';
import { CurrentPageReference } from 'lightning/navigation';
import WhatsappOtpConsole from '../whatsappOtpConsole';

const pageAdapter = CurrentPageReference as unknown as { emit(value: unknown): void };

function mount(props: { recordId?: string; objectApiName?: string } = {}) {
    const element = createElement<WhatsappOtpConsole>('c-whatsapp-otp-console', { is: WhatsappOtpConsole });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

const composers = (element: HTMLElement) =>
    [...(element.shadowRoot?.querySelectorAll('c-whatsapp-otp-composer') ?? [])] as (HTMLElement & {
        recordId?: string;
        objectApiName?: string;
    })[];

const flush = () => Promise.resolve();

describe('c-whatsapp-otp-console', () => {
    afterEach(() => {
        document.body.replaceChildren();
    });

    it('on a Voice Call page, puts the composer on the call', async () => {
        const element = mount({ recordId: '0LQ000000000001AAA', objectApiName: 'VoiceCall' });
        await flush();
        expect(composers(element).map((c) => [c.recordId, c.objectApiName])).toEqual([
            ['0LQ000000000001AAA', 'VoiceCall']
        ]);
    });

    it('in the utility bar, follows the record page in view and asks for one when there is none', async () => {
        const element = mount();
        pageAdapter.emit({
            type: 'standard__recordPage',
            attributes: { recordId: '0Mw000000000001AAA', objectApiName: 'MessagingSession' }
        });
        await flush();
        expect(composers(element).map((c) => c.recordId)).toEqual(['0Mw000000000001AAA']);

        pageAdapter.emit({ type: 'standard__objectPage', attributes: { objectApiName: 'Case' } });
        await flush();
        expect(composers(element)).toEqual([]);
        expect(element.shadowRoot?.querySelector('[data-id="open-record"]')?.textContent).not.toBe('');
    });
});
