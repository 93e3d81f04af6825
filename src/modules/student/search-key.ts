/**
 * R-SEED-14: the form in which names are stored for search and compared with what staff type —
 * lowercase, accents removed ("Éloïse" → "eloise"), apostrophes and hyphens kept (typographic ones
 * folded to ASCII), spaces collapsed. Stored in student.searchSurname / searchFirstName (≤100).
 * Migration 1764600000000 keeps its own copy: a migration must not change when this does.
 */
export function searchKey(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02BC]/g, "'") // before stripping: U+02BC is itself a Diacritic
    .replace(/[\u2010\u2011]/g, "-")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 100);
}
