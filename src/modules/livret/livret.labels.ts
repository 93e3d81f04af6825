/** French labels of the LSU nomenclature codes printed on the livret (lsu-research.md §d.6, G-NOM). */

export const SOCLE_COMPONENTS: Record<string, string> = {
  CPD_FRA: "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
  CPD_ETR: "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale",
  CPD_SCI: "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques",
  CPD_ART: "Comprendre, s'exprimer en utilisant les langages des arts et du corps",
  MET_APP: "Les méthodes et outils pour apprendre",
  FRM_CIT: "La formation de la personne et du citoyen",
  SYS_NAT: "Les systèmes naturels et les systèmes techniques",
  REP_MND: "Les représentations du monde et l'activité humaine",
};

/** End-of-cycle component levels (0 = dispensé). */
export const SOCLE_LEVELS = ["Dispensé", "Maîtrise insuffisante", "Maîtrise fragile", "Maîtrise satisfaisante", "Très bonne maîtrise"];

export const PARCOURS: Record<string, string> = {
  PAR_AVN: "Parcours avenir",
  PAR_CIT: "Parcours citoyen",
  PAR_ART: "Parcours d'éducation artistique et culturelle",
  PAR_SAN: "Parcours éducatif de santé",
};

export const SUPPORT_MEASURES: Record<string, string> = {
  PAP: "Plan d'accompagnement personnalisé",
  PAI: "Projet d'accueil individualisé",
  PPRE: "Programme personnalisé de réussite éducative",
  PPS: "Projet personnalisé de scolarisation",
  ULIS: "Unité localisée pour l'inclusion scolaire",
  UPE2A: "Unité pédagogique pour élèves allophones arrivants",
  SEGPA: "Section d'enseignement général adapté",
  CTR: "Contrat de réussite",
  RASED: "Réseau d'aides spécialisées aux élèves en difficulté",
};

/** Positioning against the learning objectives (1..4). */
export const POSITIONING = ["", "Objectifs non atteints", "Objectifs partiellement atteints", "Objectifs atteints", "Objectifs dépassés"];

export const ATTESTATIONS: Record<string, string> = {
  APER: "Attestation de première éducation à la route",
  ASSR1: "Attestation scolaire de sécurité routière, niveau 1",
  ASSR2: "Attestation scolaire de sécurité routière, niveau 2",
  ASSN: "Attestation du savoir-nager",
  AER: "Attestation d'éducation à la route",
  PSC1: "Prévention et secours civiques de niveau 1",
};

export const LEVELS: Record<string, string> = {
  CP: "CP", CE1: "CE1", CE2: "CE2", CM1: "CM1", CM2: "CM2",
  SIXIEME: "6e", CINQUIEME: "5e", QUATRIEME: "4e", TROISIEME: "3e",
};

export const labelOf = (table: Record<string, string>, code: string) => table[code] ?? code;
