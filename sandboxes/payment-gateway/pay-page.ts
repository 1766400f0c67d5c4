import type { PaymentIntent } from './stripe-objects';

/** The hosted page a shopper is redirected to; plain HTML so it works without scripts. */
export function renderPayPage(intent: PaymentIntent, returnUrl: string | null): string {
  const rows = [
    ['Order', intent.metadata.order_number ?? '—'],
    ['Amount', formatAmount(intent.amount, intent.currency)],
    ...(intent.description ? [['Description', intent.description]] : []),
  ];
  const parts = [`<dl>\n${rows.map(([term, value]) => `      <dt>${term}</dt><dd>${escapeHtml(value!)}</dd>`).join('\n')}\n    </dl>`];
  const status = statusMessage(intent);
  if (status !== null) {
    parts.push(`<p role="status">${status}</p>`);
    if (returnUrl) parts.push(`<p><a href="${escapeHtml(returnUrl)}">Return to the shop</a></p>`);
    return layout(parts.join('\n    '));
  }
  if (intent.last_payment_error) {
    parts.push(`<p role="alert">The last attempt was declined: ${escapeHtml(intent.last_payment_error.message)} You can try again.</p>`);
  }
  parts.push(`<form method="post" action="/pay/${encodeURIComponent(intent.id)}">
      <fieldset>
        <legend>Choose how this test payment ends</legend>
        <button type="submit" name="outcome" value="success">Pay successfully</button>
        <button type="submit" name="outcome" value="decline">Decline</button>
        <button type="submit" name="outcome" value="slow">Approve slowly</button>
      </fieldset>
    </form>`);
  return layout(parts.join('\n    '));
}

export function renderMessagePage(message: string): string {
  return layout(`<p role="status">${escapeHtml(message)}</p>`);
}

function statusMessage(intent: PaymentIntent): string | null {
  switch (intent.status) {
    case 'succeeded':
      return 'This payment is already paid.';
    case 'processing':
      return 'This payment is already paid and is waiting for approval.';
    case 'canceled':
      return 'This payment was canceled and can no longer be paid.';
    default:
      return null;
  }
}

export function formatAmount(minor: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() });
  // Minor units per major unit come from the currency itself (JPY 0, USD 2, KWD 3).
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minor / 10 ** digits);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Ferry test payment</title>
  <style>
    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f4f5; color: #18181b; }
    main { max-width: 28rem; margin: 3rem auto; padding: 1.5rem; background: #fff; border-radius: 0.75rem; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
    legend { margin-bottom: 0.5rem; }
    button { font: inherit; padding: 0.75rem 1rem; border-radius: 0.5rem; border: 1px solid #3f3f46; background: #fff; color: #18181b; cursor: pointer; }
    button[value="success"] { background: #166534; border-color: #166534; color: #fff; }
    button:focus-visible, a:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
    [role="alert"] { color: #991b1b; }
  </style>
</head>
<body>
  <main>
    <h1>Ferry test payment</h1>
    <p>This is the Ferry payment sandbox: no money moves.</p>
    ${content}
  </main>
</body>
</html>
`;
}
