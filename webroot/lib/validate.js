// Client-side mirrors of the contract's input rules (the server stays the authority).

export const USERNAME_RE = /^[a-z0-9_.-]{3,32}$/;
export const PASSWORD_MIN = 8;

export function validateUsername(v) {
  if (!v) return 'Enter a username.';
  if (v.length < 3 || v.length > 32) return 'Username must be 3–32 characters.';
  if (!USERNAME_RE.test(v)) return 'Use only lowercase letters, digits, “_”, “.” and “-”.';
  return '';
}

export function validatePassword(v) {
  if (!v) return 'Enter a password.';
  if (v.length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters.`;
  return '';
}
