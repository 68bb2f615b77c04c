// Under my own message whose phone numbers or email addresses were hidden (CHAT_MASK_CONTACTS):
// why, so the sender is not left wondering.
export function ContactMaskedNote() {
  return (
    <p role="note" className="mt-1 max-w-xs px-1 text-xs text-slate-600 dark:text-slate-400">
      Phone numbers and email addresses are hidden until the job is booked. Keep talking and paying here: it protects you both.
    </p>
  );
}
