// The code input on its own: normalising, the inline "Enter all N digits", Enter to submit, its events.
import { createElement } from 'lwc';
import WhatsappOtpCodeInput from 'c/whatsappOtpCodeInput';

type CodeInputElement = ReturnType<typeof createElement<WhatsappOtpCodeInput>>;

function mount(codeLength?: number): CodeInputElement {
    const element = createElement<WhatsappOtpCodeInput>('c-whatsapp-otp-code-input', { is: WhatsappOtpCodeInput });
    if (codeLength !== undefined) {
        element.codeLength = codeLength;
    }
    document.body.appendChild(element);
    return element;
}

function part<T extends Element = HTMLElement>(element: CodeInputElement, dataId: string): T | null {
    return element.shadowRoot?.querySelector<T & Element>(`[data-id="${dataId}"]`) ?? null;
}

function field(element: CodeInputElement): HTMLInputElement {
    const input = part<HTMLInputElement>(element, 'code');
    if (!input) {
        throw new Error('no code input');
    }
    return input;
}

async function type(element: CodeInputElement, value: string): Promise<void> {
    const input = field(element);
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
    await Promise.resolve();
}

async function pressEnter(element: CodeInputElement): Promise<void> {
    field(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await Promise.resolve();
}

afterEach(() => {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
});

describe('c-whatsapp-otp-code-input', () => {
    it('has no maxlength, so a pasted code with spaces is not cut short', () => {
        expect(field(mount(6)).hasAttribute('maxlength')).toBe(false);
    });

    it('turns "12 34 56" into the 6 digits and reports them in codechange', async () => {
        const element = mount(6);
        const changes: string[] = [];
        element.addEventListener('codechange', (event) => changes.push((event as CustomEvent).detail.code));

        await type(element, '12 34 56');

        expect(field(element).value).toBe('123456');
        expect(element.value).toBe('123456');
        expect(changes).toEqual(['123456']);
    });

    it('reads full-width digits as digits', async () => {
        const element = mount(6);

        await type(element, '\uFF12\uFF11\uFF13\uFF12\uFF12\uFF12');

        expect(element.value).toBe('213222');
    });

    it('fires submit with the code on Enter when all digits are in', async () => {
        const element = mount(6);
        const submitted: string[] = [];
        element.addEventListener('codesubmit', (event) => submitted.push((event as CustomEvent).detail.code));
        await type(element, '213-222');

        await pressEnter(element);

        expect(submitted).toEqual(['213222']);
        expect(part(element, 'code-error')).toBeNull();
    });

    it('says "Enter all 6 digits." on Enter with a short code, and does not submit', async () => {
        const element = mount(6);
        const submit = jest.fn();
        element.addEventListener('codesubmit', submit);
        await type(element, '1234');

        await pressEnter(element);

        expect(part(element, 'code-error')?.textContent).toBe('Enter all 6 digits.');
        expect(field(element).getAttribute('aria-invalid')).toBe('true');
        expect(submit).not.toHaveBeenCalled();
    });

    it('uses the code length it is given in the help and the message', async () => {
        const element = mount(8);
        expect(part(element, 'code-help')?.textContent).toContain('8-digit');

        expect(element.reportValidity()).toBe(false);
        await Promise.resolve();

        expect(part(element, 'code-error')?.textContent).toBe('Enter all 8 digits.');
    });

    it('shows one message under the field: the error replaces the help while it shows', async () => {
        const element = mount(6);

        element.reportValidity();
        await Promise.resolve();

        expect(part(element, 'code-help')).toBeNull();
        expect(field(element).getAttribute('aria-describedby')).toMatch(/^otp-code-error(-\w+)?$/);
    });

    it('tells the parent when a short code was tried', async () => {
        const element = mount(6);
        const incomplete = jest.fn();
        element.addEventListener('codeincomplete', incomplete);

        element.reportValidity();
        await Promise.resolve();

        expect(incomplete).toHaveBeenCalledTimes(1);
    });

    it('clears the message once the agent types again', async () => {
        const element = mount(6);
        await pressEnter(element);

        await type(element, '1');

        expect(part(element, 'code-error')).toBeNull();
    });

    it('empties the input and its message on clear()', async () => {
        const element = mount(6);
        await type(element, '123');
        element.reportValidity();

        element.clear();
        await Promise.resolve();

        expect(field(element).value).toBe('');
        expect(element.value).toBe('');
        expect(part(element, 'code-error')).toBeNull();
    });

    it('is accessible with the inline message shown', async () => {
        const element = mount(6);
        await pressEnter(element);

        await expect(element).toBeAccessible();
    });
});
