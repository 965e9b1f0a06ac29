import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { DealAdapterError } from '../../../src/adapters/errors.js';
import '../../../src/define/lost-dialog.js';
import '../../../src/define/provider.js';
import type { DealLostDialog, LostOutcome } from '../../../src/elements/lost-dialog/lost-dialog.js';
import { lostDialogCatalogue } from '../../../src/elements/lost-dialog/messages.js';
import type { DealProvider } from '../../../src/elements/provider/deal-provider.js';
import type { DealErrorEvent } from '../../../src/events/deal-error.js';
import type { DealLostCancelEvent } from '../../../src/events/deal-lost-cancel.js';
import type { DealLostEvent } from '../../../src/events/deal-lost.js';
import { catalogueProblems } from '../../../src/i18n/messages.js';
import type { NewDeal } from '../../../src/model/schemas.js';
import type { DealStore } from '../../../src/store/deal-store.js';
import { accessibleDescription, accessibleName, adapterWithDeals, deferred, networkError, type ScriptedAdapter } from './helpers.js';

const ACME: NewDeal = { title: 'Acme renewal', company: 'Acme', amount: 12000, currency: 'USD', stageId: 'qualified' };
const GLOBEX: NewDeal = { title: 'Globex rollout', company: 'Globex', amount: 8000, currency: 'USD', stageId: 'new' };
const INITECH: NewDeal = { title: 'Initech licences', company: 'Initech', amount: 5000, currency: 'USD', stageId: 'proposition' };

interface Setup {
  adapter: ScriptedAdapter;
  store: DealStore;
  dialog: DealLostDialog;
  opener: HTMLButtonElement;
  ids: string[];
}

async function setup(options: { deals?: NewDeal[]; requireReason?: boolean; locale?: string } = {}): Promise<Setup> {
  const { adapter, ids } = await adapterWithDeals(options.deals ?? [ACME, GLOBEX, INITECH]);
  // The fixture's root is a Lit element: fixture() then waits for its update,
  // not for an animation frame, which never comes in a background tab when
  // the runner runs test files side by side.
  const provider = await fixture<DealProvider>(html`
    <deal-provider .adapter=${adapter} locale=${options.locale ?? ''}>
      <button id="opener">Lose</button>
      <deal-lost-dialog ?require-reason=${options.requireReason ?? false}></deal-lost-dialog>
    </deal-provider>
  `);
  await provider.store!.ready;
  const dialog = provider.querySelector('deal-lost-dialog')!;
  await dialog.updateComplete;
  return { adapter, store: provider.store!, dialog, opener: provider.querySelector('#opener')!, ids };
}

const part = <T extends Element = HTMLElement>(dialog: DealLostDialog, name: string): T =>
  dialog.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
const nativeDialog = (dialog: DealLostDialog) => part<HTMLDialogElement>(dialog, 'dialog');
const reasonInput = (dialog: DealLostDialog) => part<HTMLInputElement>(dialog, 'reason-input');
const noteField = (dialog: DealLostDialog) => part<HTMLTextAreaElement>(dialog, 'note');
const confirmButton = (dialog: DealLostDialog) => part<HTMLButtonElement>(dialog, 'confirm-button');
const cancelButton = (dialog: DealLostDialog) => part<HTMLButtonElement>(dialog, 'cancel-button');
const errorBox = (dialog: DealLostDialog) => part(dialog, 'error');
const optionTexts = (dialog: DealLostDialog): string[] =>
  [...dialog.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent!.replace(/\s+/g, ' ').trim());
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

/**
 * Opens the dialog from the opener (focused first, as a user would) and
 * waits until it shows; `outcome` is what `show()` resolves with.
 */
async function open(s: Setup, ids: string | string[]): Promise<{ outcome: Promise<LostOutcome | null> }> {
  s.opener.focus();
  const outcome = s.dialog.show(ids);
  await waitUntil(() => nativeDialog(s.dialog).open, 'the dialog did not open');
  await s.dialog.updateComplete;
  return { outcome };
}

/** Clicks the middle of an element with the real mouse. */
async function click(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

describe('<deal-lost-dialog>', () => {
  afterEach(async () => {
    await resetMouse();
  });

  it('has its messages in every language', async () => {
    expect(await catalogueProblems(lostDialogCatalogue)).to.deep.equal([]);
  });

  it('names its dialog, combobox, note and buttons, with ARIA combobox roles', async () => {
    const s = await setup();
    await open(s, s.ids[0]!);
    const dialogElement = nativeDialog(s.dialog);
    expect(dialogElement.localName).to.equal('dialog');
    expect(accessibleName(dialogElement)).to.equal('Mark as lost');

    const input = reasonInput(s.dialog);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(accessibleName(input)).to.equal('Lost reason');
    expect(input.getAttribute('aria-autocomplete')).to.equal('list');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    const listbox = s.dialog.shadowRoot!.getElementById(input.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');

    expect(noteField(s.dialog).localName).to.equal('textarea');
    expect(accessibleName(noteField(s.dialog))).to.equal('Closing note');
    expect(accessibleName(confirmButton(s.dialog))).to.equal('Mark as lost');
    expect(accessibleName(cancelButton(s.dialog))).to.equal('Cancel');
    expect(part(s.dialog, 'error').getAttribute('role')).to.equal('alert');

    // Opened list: options with ids the combobox points at.
    await sendKeys({ press: 'ArrowDown' });
    await s.dialog.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const active = s.dialog.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant')!)!;
    expect(active.getAttribute('role')).to.equal('option');
    expect(active.getAttribute('aria-selected')).to.equal('true');
    await expect(s.dialog).to.be.accessible();
  });

  it('shows the deal, focuses the reason field, and records a loss with the keyboard alone', async () => {
    const s = await setup();
    let outcome: Promise<unknown> | null = null;
    s.opener.addEventListener('click', () => {
      outcome = s.dialog.show(s.ids[0]!);
    });
    s.opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => nativeDialog(s.dialog).open);
    await s.dialog.updateComplete;

    expect(part(s.dialog, 'summary').textContent).to.include('Acme renewal').and.include('Qualified').and.include('$12,000.00');
    expect(deepActive()).to.equal(reasonInput(s.dialog));

    await sendKeys({ type: 'expens' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.deep.equal(['Too expensive', 'Create "expens"']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await s.dialog.updateComplete;
    expect(reasonInput(s.dialog).value).to.equal('Too expensive');
    expect(reasonInput(s.dialog).getAttribute('aria-expanded')).to.equal('false');
    expect(nativeDialog(s.dialog).open, 'choosing a reason does not submit').to.be.true;

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(noteField(s.dialog));
    await sendKeys({ type: 'They chose a cheaper vendor' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(confirmButton(s.dialog));
    const lost = oneEvent(s.dialog, 'deal-lost') as Promise<DealLostEvent>;
    await sendKeys({ press: 'Enter' });

    expect(await outcome).to.deep.equal({ reasonId: 'too-expensive', note: 'They chose a cheaper vendor' });
    const event = await lost;
    expect(event.detail.deals.map((d) => d.id)).to.deep.equal([s.ids[0]]);
    const saved = await s.adapter.getDeal(s.ids[0]!);
    expect(saved.status).to.equal('lost');
    expect(saved.lostReasonId).to.equal('too-expensive');
    expect(saved.closingNote).to.equal('They chose a cheaper vendor');
    expect(saved.stageId, 'a lost deal keeps its stage').to.equal('qualified');
    expect(s.store.deal(s.ids[0]!)!.status).to.equal('lost');
    expect(nativeDialog(s.dialog).open).to.be.false;
    expect(deepActive(), 'focus returns to the opener').to.equal(s.opener);
  });

  it('moves through the options with the arrow keys, wrapping around', async () => {
    const s = await setup();
    await open(s, s.ids[0]!);
    const input = reasonInput(s.dialog);
    const highlighted = () => s.dialog.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant') ?? '')?.textContent?.trim();
    await sendKeys({ press: 'ArrowDown' });
    await s.dialog.updateComplete;
    expect(highlighted()).to.equal('Too expensive');
    await sendKeys({ press: 'ArrowDown' });
    await s.dialog.updateComplete;
    expect(highlighted()).to.equal('Not enough stock');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await s.dialog.updateComplete;
    expect(highlighted(), 'ArrowUp from the first wraps to the last').to.equal("We don't have people/skills");
    await sendKeys({ press: 'ArrowDown' });
    await s.dialog.updateComplete;
    expect(highlighted(), 'ArrowDown from the last wraps to the first').to.equal('Too expensive');
  });

  it('creates a reason from the typed text, chooses it, and offers it for the next deal', async () => {
    const s = await setup();
    const { outcome: first } = await open(s, s.ids[0]!);
    await sendKeys({ type: '  Budget cut ' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.deep.equal(['Create "Budget cut"']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => s.store.lostReasons.some((r) => r.name === 'Budget cut'), 'the reason was not created');
    await s.dialog.updateComplete;
    const created = s.store.lostReasons.find((r) => r.name === 'Budget cut')!;
    expect(reasonInput(s.dialog).value).to.equal('Budget cut');
    expect((await s.adapter.listLostReasons()).map((r) => r.name)).to.include('Budget cut');

    confirmButton(s.dialog).click();
    expect(await first).to.deep.equal({ reasonId: created.id, note: '' });

    await open(s, s.ids[1]!);
    await sendKeys({ type: 'budg' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.deep.equal(['Budget cut', 'Create "budg"']);
  });

  it('chooses the existing reason when the typed name is a case-insensitive duplicate', async () => {
    const s = await setup();
    const { outcome } = await open(s, s.ids[0]!);
    const before = s.store.lostReasons.length;
    await sendKeys({ type: 'too EXPENSIVE' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog), 'no create offer for an existing name').to.deep.equal(['Too expensive']);
    await sendKeys({ press: 'Enter' });
    await s.dialog.updateComplete;
    expect(reasonInput(s.dialog).value).to.equal('Too expensive');
    confirmButton(s.dialog).click();
    expect(await outcome).to.deep.equal({ reasonId: 'too-expensive', note: '' });
    expect(s.store.lostReasons.length).to.equal(before);
    expect(s.adapter.createReasonCalls).to.equal(0);
  });

  it('matches the translated names of the default reasons', async () => {
    const s = await setup({ locale: 'zh-Hans' });
    const { outcome } = await open(s, s.ids[0]!);
    await sendKeys({ type: '太贵' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.deep.equal(['太贵']);
    await sendKeys({ press: 'Enter' });
    confirmButton(s.dialog).click();
    expect(await outcome).to.deep.equal({ reasonId: 'too-expensive', note: '' });
    expect(accessibleName(nativeDialog(s.dialog))).to.equal('标记为丢失');
  });

  it('blocks confirming without a reason when require-reason is set, and says why', async () => {
    const s = await setup({ requireReason: true });
    const { outcome } = await open(s, s.ids[0]!);
    const confirm = confirmButton(s.dialog);
    expect(confirm.disabled).to.be.true;
    expect(accessibleDescription(confirm)).to.equal('Choose a lost reason to mark as lost.');
    expect(accessibleDescription(reasonInput(s.dialog))).to.equal('Choose a lost reason to mark as lost.');
    expect(reasonInput(s.dialog).getAttribute('aria-required')).to.equal('true');

    // Enter in the empty field does not submit either.
    await sendKeys({ press: 'Enter' });
    await aTimeout(50);
    expect(nativeDialog(s.dialog).open).to.be.true;
    expect(s.adapter.markLostCalls).to.equal(0);

    await sendKeys({ type: 'stock' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await s.dialog.updateComplete;
    expect(confirm.disabled).to.be.false;
    expect(part(s.dialog, 'hint').textContent!.trim()).to.equal('');
    confirm.click();
    expect(await outcome).to.deep.equal({ reasonId: 'not-enough-stock', note: '' });
  });

  it('does not save a reason that only looks chosen: unknown text must be chosen or created', async () => {
    const s = await setup();
    await open(s, s.ids[0]!);
    await sendKeys({ type: 'Chose a competitor' });
    await sendKeys({ press: 'Escape' });
    confirmButton(s.dialog).click();
    await s.dialog.updateComplete;
    expect(nativeDialog(s.dialog).open).to.be.true;
    expect(s.adapter.markLostCalls).to.equal(0);
    expect(part(s.dialog, 'hint').textContent).to.include('"Chose a competitor" is not a lost reason yet');
    expect(optionTexts(s.dialog)).to.deep.equal(['Create "Chose a competitor"']);
  });

  it('Cancel changes nothing, resolves null, fires deal-lost-cancel and returns focus', async () => {
    const s = await setup();
    const { outcome } = await open(s, s.ids[0]!);
    await sendKeys({ type: 'expens' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const cancelled = oneEvent(s.dialog, 'deal-lost-cancel') as Promise<DealLostCancelEvent>;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(cancelButton(s.dialog));
    await sendKeys({ press: 'Enter' });
    expect(await outcome).to.equal(null);
    expect((await cancelled).detail.dealIds).to.deep.equal([s.ids[0]]);
    expect(nativeDialog(s.dialog).open).to.be.false;
    expect(deepActive()).to.equal(s.opener);
    expect(s.store.deal(s.ids[0]!)!.status).to.equal('open');
    expect((await s.adapter.getDeal(s.ids[0]!)).status).to.equal('open');
    expect(s.adapter.markLostCalls).to.equal(0);
  });

  it('Escape closes the list first, then the dialog, changing nothing', async () => {
    const s = await setup();
    const { outcome } = await open(s, s.ids[0]!);
    await sendKeys({ type: 'too' });
    await s.dialog.updateComplete;
    expect(reasonInput(s.dialog).getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await s.dialog.updateComplete;
    expect(reasonInput(s.dialog).getAttribute('aria-expanded')).to.equal('false');
    expect(nativeDialog(s.dialog).open, 'the first Escape only closes the list').to.be.true;
    expect(reasonInput(s.dialog).value).to.equal('too');

    await sendKeys({ press: 'Escape' });
    expect(await outcome).to.equal(null);
    expect(nativeDialog(s.dialog).open).to.be.false;
    expect(deepActive()).to.equal(s.opener);
    expect(s.store.deal(s.ids[0]!)!.status).to.equal('open');
    expect(s.adapter.markLostCalls).to.equal(0);
  });

  it('works inside another element’s shadow root and returns focus to the opener there', async () => {
    const { adapter, ids } = await adapterWithDeals([ACME]);
    const wrapper = await fixture<DealProvider>(html`<deal-provider .adapter=${adapter}><div id="host"></div></deal-provider>`);
    const host = wrapper.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const opener = document.createElement('button');
    opener.textContent = 'Mark as lost';
    const dialog = document.createElement('deal-lost-dialog');
    shadow.append(opener, dialog);
    await wrapper.store!.ready;
    await dialog.updateComplete;

    opener.focus();
    const outcome = dialog.show(ids[0]!);
    await waitUntil(() => nativeDialog(dialog).open);
    expect(deepActive()).to.equal(reasonInput(dialog));
    await sendKeys({ type: 'skills' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect(await outcome).to.deep.equal({ reasonId: 'no-skills', note: '' });
    expect(shadow.activeElement).to.equal(opener);
    expect(deepActive()).to.equal(opener);
  });

  it('keeps the dialog open with the input intact when the adapter refuses, and confirming again retries', async () => {
    const s = await setup();
    s.adapter.markLostError = networkError();
    const { outcome } = await open(s, s.ids[0]!);
    await sendKeys({ type: 'stock' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Supplier delay' });
    const failed = oneEvent(s.dialog, 'deal-error') as Promise<DealErrorEvent>;
    confirmButton(s.dialog).click();
    const error = await failed;
    expect(error.detail.error.code).to.equal('network');
    expect(error.detail.command).to.equal('markLost');
    expect(error.detail.dealId).to.equal(s.ids[0]);
    await s.dialog.updateComplete;

    expect(nativeDialog(s.dialog).open).to.be.true;
    expect(errorBox(s.dialog).textContent).to.include('The server could not be reached');
    expect(reasonInput(s.dialog).value).to.equal('Not enough stock');
    expect(noteField(s.dialog).value).to.equal('Supplier delay');
    expect(s.store.deal(s.ids[0]!)!.status, 'the optimistic change was rolled back').to.equal('open');
    expect(confirmButton(s.dialog).getAttribute('aria-disabled')).to.equal(null);

    s.adapter.markLostError = null;
    confirmButton(s.dialog).click();
    expect(await outcome).to.deep.equal({ reasonId: 'not-enough-stock', note: 'Supplier delay' });
    expect((await s.adapter.getDeal(s.ids[0]!)).status).to.equal('lost');
    expect(errorBox(s.dialog).textContent!.trim()).to.equal('');
  });

  it('shows busy buttons while saving, ignores a second confirm and Escape, and saves once', async () => {
    const s = await setup();
    const gate = deferred();
    s.adapter.markLostGate = gate.promise;
    const { outcome } = await open(s, s.ids[0]!);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(confirmButton(s.dialog));
    await sendKeys({ press: 'Enter' });
    await s.dialog.updateComplete;

    const confirm = confirmButton(s.dialog);
    expect(confirm.getAttribute('aria-busy')).to.equal('true');
    expect(confirm.getAttribute('aria-disabled')).to.equal('true');
    expect(cancelButton(s.dialog).getAttribute('aria-disabled')).to.equal('true');
    expect(part(s.dialog, 'status').textContent).to.include('Saving…');
    expect(deepActive(), 'focus stays on the busy button').to.equal(confirm);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Escape' });
    cancelButton(s.dialog).click();
    await aTimeout(20);
    expect(nativeDialog(s.dialog).open).to.be.true;
    expect(s.adapter.markLostCalls).to.equal(1);

    gate.resolve();
    expect(await outcome).to.deep.equal({ reasonId: null, note: '' });
    expect(s.adapter.markLostCalls).to.equal(1);
  });

  it('saves nothing and stays open when deal-lost-submit is cancelled', async () => {
    const s = await setup();
    await open(s, s.ids[0]!);
    s.dialog.addEventListener('deal-lost-submit', (event) => event.preventDefault(), { once: true });
    const submitted = oneEvent(s.dialog, 'deal-lost-submit');
    confirmButton(s.dialog).click();
    const event = await submitted;
    expect(event.detail).to.deep.equal({ dealIds: [s.ids[0]], reasonId: null, note: '' });
    expect(event.cancelable).to.be.true;
    await aTimeout(20);
    expect(nativeDialog(s.dialog).open).to.be.true;
    expect(s.adapter.markLostCalls).to.equal(0);
  });

  it('marks several deals lost at once with the same reason and note', async () => {
    const s = await setup();
    const { outcome } = await open(s, s.ids);
    expect(part(s.dialog, 'heading').textContent!.trim()).to.equal('Mark 3 deals as lost');
    const summary = part(s.dialog, 'summary').textContent!;
    expect(summary).to.include('$25,000.00');
    expect(summary).to.include('Acme renewal').and.include('Globex rollout').and.include('Initech licences');

    await sendKeys({ type: 'expens' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Budget frozen' });
    const lost = oneEvent(s.dialog, 'deal-lost') as Promise<DealLostEvent>;
    confirmButton(s.dialog).click();
    expect(await outcome).to.deep.equal({ reasonId: 'too-expensive', note: 'Budget frozen' });
    expect((await lost).detail.deals).to.have.length(3);
    for (const [index, id] of s.ids.entries()) {
      const deal = await s.adapter.getDeal(id);
      expect(deal.status).to.equal('lost');
      expect(deal.lostReasonId).to.equal('too-expensive');
      expect(deal.closingNote).to.equal('Budget frozen');
      expect(deal.stageId).to.equal([ACME, GLOBEX, INITECH][index]!.stageId);
    }
  });

  it('says which of several deals were saved when some are refused, and retries the rest', async () => {
    const s = await setup();
    s.adapter.markLostError = networkError();
    s.adapter.failOnlyFor = new Set([s.ids[1]!]);
    const { outcome } = await open(s, s.ids);
    confirmButton(s.dialog).click();
    await waitUntil(() => errorBox(s.dialog).textContent!.trim() !== '');
    expect(errorBox(s.dialog).textContent).to.include('2 of 3 deals were marked lost');
    expect(s.store.deal(s.ids[1]!)!.status).to.equal('open');

    s.adapter.markLostError = null;
    confirmButton(s.dialog).click();
    expect(await outcome).to.deep.equal({ reasonId: null, note: '' });
    for (const id of s.ids) expect((await s.adapter.getDeal(id)).status).to.equal('lost');
  });

  it('renders a note, a deal title and a reason full of HTML as text', async () => {
    const markup = '<img src="x" onerror="window.__pwned = true">';
    const s = await setup({ deals: [{ ...ACME, title: `Deal ${markup}` }, GLOBEX] });
    const { outcome: first } = await open(s, s.ids[0]!);
    await sendKeys({ type: `Reason ${markup}` });
    await s.dialog.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => s.store.lostReasons.some((r) => r.name === `Reason ${markup}`));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: `Note ${markup}` });
    await s.dialog.updateComplete;
    expect(s.dialog.shadowRoot!.querySelector('img')).to.equal(null);
    expect(part(s.dialog, 'summary').textContent).to.include(`Deal ${markup}`);
    confirmButton(s.dialog).click();
    await first;
    expect((await s.adapter.getDeal(s.ids[0]!)).closingNote).to.equal(`Note ${markup}`);

    await open(s, s.ids[1]!);
    await sendKeys({ type: 'Reason' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.deep.equal([`Reason ${markup}`, 'Create "Reason"']);
    expect(s.dialog.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('counts the note against its limit and stores it exactly as typed', async () => {
    const s = await setup();
    const { outcome } = await open(s, s.ids[0]!);
    const note = noteField(s.dialog);
    expect(note.maxLength).to.equal(2000);
    expect(part(s.dialog, 'counter').textContent!.trim()).to.equal('0 / 2,000');
    expect(accessibleDescription(note)).to.equal('0 / 2,000');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '  Line one' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Line two  ' });
    await s.dialog.updateComplete;
    expect(part(s.dialog, 'counter').textContent!.trim()).to.equal('21 / 2,000');
    await waitUntil(
      () => s.dialog.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.includes('21 of 2,000 characters used'),
      'the length was not announced',
      { timeout: 3000 },
    );
    confirmButton(s.dialog).click();
    expect(await outcome).to.deep.equal({ reasonId: null, note: '  Line one\nLine two  ' });
    expect((await s.adapter.getDeal(s.ids[0]!)).closingNote).to.equal('  Line one\nLine two  ');
  });

  it('works with the mouse: the field opens the list, a click chooses, another creates', async () => {
    const s = await setup();
    const { outcome } = await open(s, s.ids[0]!);
    await click(reasonInput(s.dialog));
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.have.length(3);
    const options = s.dialog.shadowRoot!.querySelectorAll('[role="option"]');
    await click(options[1]!);
    await s.dialog.updateComplete;
    expect(reasonInput(s.dialog).value).to.equal('Not enough stock');
    expect(deepActive(), 'focus stays in the field').to.equal(reasonInput(s.dialog));

    reasonInput(s.dialog).select();
    await sendKeys({ type: 'Lost the tender' });
    await s.dialog.updateComplete;
    await click(s.dialog.shadowRoot!.querySelector('[part~="create-option"]')!);
    await waitUntil(() => reasonInput(s.dialog).value === 'Lost the tender' && !part(s.dialog, 'status').textContent!.trim());
    await click(confirmButton(s.dialog));
    const created = s.store.lostReasons.find((r) => r.name === 'Lost the tender')!;
    expect(await outcome).to.deep.equal({ reasonId: created.id, note: '' });
  });

  it('keeps the typed name and shows the error when creating a reason is refused', async () => {
    const s = await setup();
    s.adapter.reasonError = networkError();
    await open(s, s.ids[0]!);
    await sendKeys({ type: 'Bad timing' });
    await sendKeys({ press: 'ArrowDown' });
    const failed = oneEvent(s.dialog, 'deal-error') as Promise<DealErrorEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.command).to.equal('createLostReason');
    await s.dialog.updateComplete;
    expect(errorBox(s.dialog).textContent).to.include('The server could not be reached');
    expect(reasonInput(s.dialog).value).to.equal('Bad timing');
    expect(nativeDialog(s.dialog).open).to.be.true;

    s.adapter.reasonError = null;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => s.store.lostReasons.some((r) => r.name === 'Bad timing'));
  });

  it('rejects show() with a clear error for unknown or closed deals', async () => {
    const s = await setup();
    const missing = await s.dialog.show('no-such-deal').catch((error: unknown) => error);
    expect(missing).to.be.instanceOf(DealAdapterError);
    expect((missing as DealAdapterError).code).to.equal('not_found');
    const empty = await s.dialog.show([]).catch((error: unknown) => error);
    expect((empty as DealAdapterError).code).to.equal('validation');

    await s.store.markLost(s.ids[0]!, { reasonId: null, note: '' });
    const closed = await s.dialog.show(s.ids[0]!).catch((error: unknown) => error);
    expect((closed as DealAdapterError).code).to.equal('validation');
    expect(nativeDialog(s.dialog).open).to.be.false;
  });

  it('hides archived reasons from the list', async () => {
    const s = await setup();
    await s.store.updateLostReason('not-enough-stock', { archived: true });
    await open(s, s.ids[0]!);
    await sendKeys({ press: 'ArrowDown' });
    await s.dialog.updateComplete;
    expect(optionTexts(s.dialog)).to.deep.equal(['Too expensive', "We don't have people/skills"]);
    expect(s.store.lostReason('not-enough-stock')!.name).to.equal('Not enough stock');
  });

  it('is themable through --deal-* properties and ::part, light and dark', async () => {
    const s = await setup();
    const style = document.createElement('style');
    // A page that follows the system's light or dark preference says so.
    style.textContent = `
      :root { color-scheme: light dark; }
      deal-lost-dialog.themed { --deal-color-lost: rgb(1, 2, 3); }
      deal-lost-dialog.themed::part(heading) { letter-spacing: 3px; }
    `;
    document.head.append(style);
    try {
      await open(s, s.ids[0]!);
      const surface = () => getComputedStyle(nativeDialog(s.dialog)).backgroundColor;
      await emulateMedia({ colorScheme: 'light' });
      expect(surface()).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(surface()).to.equal('rgb(22, 27, 34)');

      s.dialog.classList.add('themed');
      expect(getComputedStyle(confirmButton(s.dialog)).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(s.dialog, 'heading')).letterSpacing).to.equal('3px');
    } finally {
      style.remove();
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('speaks Persian right to left', async () => {
    const s = await setup({ locale: 'fa' });
    await open(s, s.ids);
    const dialogElement = nativeDialog(s.dialog);
    expect(dialogElement.getAttribute('dir')).to.equal('rtl');
    expect(accessibleName(dialogElement)).to.equal('ثبت از دست رفتن ۳ فرصت');
    expect(accessibleName(reasonInput(s.dialog))).to.equal('دلیل از دست رفتن');
    expect(accessibleName(confirmButton(s.dialog))).to.equal('ثبت از دست رفتن');
    expect(part(s.dialog, 'counter').textContent!.trim()).to.equal('۰ / ۲٬۰۰۰');
    // The buttons sit at the inline end, which is the left in RTL.
    const box = dialogElement.getBoundingClientRect();
    const confirmBox = confirmButton(s.dialog).getBoundingClientRect();
    expect(confirmBox.left - box.left).to.be.lessThan(box.right - confirmBox.right);
  });
});
