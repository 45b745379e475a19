/** Emails are compared trimmed and lower-cased (the domain is case-insensitive; in practice so is the local part). */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** Korean mobile and landline numbers, digits only: "+82 10-1234-5678" and "010 1234 5678" match. */
export function normalizePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('82') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}
