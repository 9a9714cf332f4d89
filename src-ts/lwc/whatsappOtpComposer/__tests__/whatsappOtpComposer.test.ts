// The composer's suites, one file per behaviour (whatsappOtpComposer.<behaviour>.suite.ts), run as one Jest test
// file: each test file pays for its own jsdom, LWC engine and synthetic shadow, so the twelve pay for them once.
// Every suite keeps its hooks inside its own describe blocks, so none reaches another's tests; `npx jest whatsappOtpComposer -t '<describe name>'` runs one of them.
import './whatsappOtpComposer.a11y.suite';
import './whatsappOtpComposer.agent.suite';
import './whatsappOtpComposer.card.suite';
import './whatsappOtpComposer.delivery.suite';
import './whatsappOtpComposer.labels.suite';
import './whatsappOtpComposer.language.suite';
import './whatsappOtpComposer.person.suite';
import './whatsappOtpComposer.phone.suite';
import './whatsappOtpComposer.receipts.suite';
import './whatsappOtpComposer.send.suite';
import './whatsappOtpComposer.timers.suite';
import './whatsappOtpComposer.verify.suite';
