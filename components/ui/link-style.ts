// A link inside text: underlined at rest (colour alone does not mark it, WCAG link-in-text-block),
// the underline darkening on hover.
export const TEXT_LINK = "text-brand-700 underline decoration-brand-200 underline-offset-2 hover:decoration-brand-700";
