/** The 16 competences of the Pix framework (5 domains), as certification results name them. */
export const PIX_COMPETENCES: readonly string[] = [
  "1.1", "1.2", "1.3",
  "2.1", "2.2", "2.3", "2.4",
  "3.1", "3.2", "3.3", "3.4",
  "4.1", "4.2", "4.3",
  "5.1", "5.2",
];

export const PIX_LIMITS = { minScore: 0, maxScore: 1024, minLevel: 0, maxLevel: 8 } as const;
