// The product's name as files it writes name their producer (PDF Producer and Creator): the tool,
// never the team or a person (the team is the author).
export const PRODUCER = "つながりノート";
