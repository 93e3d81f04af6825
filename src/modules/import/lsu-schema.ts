import { Degree } from "../../common/domain";

/**
 * The facts of the official LSU import schemas, written down as data: simple types with their facets,
 * element content models, attributes, identity constraints. The validator (lsu-validator.ts) walks a file
 * against them while it streams. Three schemas are described: 2D "mars 2020" (schemaVersion 2.0/3.0),
 * 2D 7.0 (schemaVersion 4.0 to 7.0, ODE's strict schema) and 1D revision 1.0b (schemaVersion 1.0).
 */

export const LSU_NAMESPACE = "urn:fr:edu:scolarite:lsun:bilans:import";
export const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

export type SimpleType =
  | { kind: "string"; name: string; length?: number; minLength?: number; maxLength?: number; pattern?: RegExp; enumeration?: readonly string[] }
  | { kind: "integer"; name: string; min: number; max?: number; pattern?: RegExp }
  | { kind: "boolean"; name: string }
  | { kind: "date"; name: string }
  | { kind: "dateTime"; name: string }
  | { kind: "id"; name: string }
  | { kind: "idref"; name: string }
  | { kind: "idrefs"; name: string; minItems: number };

export interface AttributeDecl {
  name: string;
  type: SimpleType;
  required: boolean;
}

export interface Particle {
  name: string;
  type: ElementType;
  min: number;
  max: number;
}

/** xs:unique: among the element's children named `selector`, the tuple of `fields` (all present) is unique. */
export interface UniqueDecl {
  name: string;
  selector: string;
  fields: string[];
}

export type ElementType = SimpleType | ComplexType;

export interface ComplexType {
  kind: "complex";
  name: string;
  attributes: AttributeDecl[];
  content: { kind: "empty" } | { kind: "simple"; type: SimpleType } | { kind: "sequence"; particles: Particle[] } | { kind: "all"; particles: Particle[] };
  uniques?: UniqueDecl[];
}

export interface LsuSchema {
  id: "2d-2020" | "2d-7.0" | "1d-1.0b";
  degree: Degree;
  root: ComplexType;
}

const UNBOUNDED = Number.POSITIVE_INFINITY;

// XSD regular expressions: "." is any character but \n and \r; \s is [ \t\n\r]; \d is any Unicode digit.
const NON_BLANK = /^[^\r]*[^ \t\n\r][^\r]*$/u;
const STRING_DATE_TIME = /^(\p{Nd}{4}-\p{Nd}{2}-\p{Nd}{2})+(T\p{Nd}{2}:\p{Nd}{2}:\p{Nd}{2})?$/u;

const str = (name: string, facets: Omit<Extract<SimpleType, { kind: "string" }>, "kind" | "name"> = {}): SimpleType => ({ kind: "string", name, ...facets });
const chaine = (max: number): SimpleType => str(`Chaine${max}`, { minLength: 1, maxLength: max, pattern: NON_BLANK });
const enumeration = (name: string, values: readonly string[]): SimpleType => str(name, { enumeration: values });
const digitPattern = (name: string, min: number, lowest: number, highest: number): SimpleType => ({
  kind: "integer",
  name,
  min,
  pattern: new RegExp(`^[${lowest}-${highest}]$`),
});

const T = {
  string: str("xs:string"),
  id: { kind: "id", name: "xs:ID" } as SimpleType,
  idref: { kind: "idref", name: "xs:IDREF" } as SimpleType,
  idrefs: { kind: "idrefs", name: "xs:IDREFS", minItems: 1 } as SimpleType,
  atLeast2Idrefs: { kind: "idrefs", name: "AtLeast2IDREFS", minItems: 2 } as SimpleType,
  int: { kind: "integer", name: "xs:int", min: -2147483648, max: 2147483647 } as SimpleType,
  positiveInteger: { kind: "integer", name: "xs:positiveInteger", min: 1 } as SimpleType,
  boolean: { kind: "boolean", name: "xs:boolean" } as SimpleType,
  date: { kind: "date", name: "xs:date" } as SimpleType,
  dateTime: { kind: "dateTime", name: "xs:dateTime" } as SimpleType,
  millesime: str("Millesime", { length: 4 }),
  codeUai: str("CodeUai", { length: 8 }),
  codeStructure: str("CodeStructure", { minLength: 1, maxLength: 20 }),
  codeMatiere: str("CodeMatiere", { length: 6 }),
  nomPrenom: str("NomPrenom", { minLength: 1, maxLength: 100 }),
  chaineEmptyMax100: str("ChaineEmptyWithMax100", { maxLength: 100 }),
  chaineEmptyMax600: str("ChaineEmptyWithMax600", { minLength: 0, maxLength: 600, pattern: NON_BLANK }),
  moyenne: str("MoyenneAlphanumerique", { minLength: 1, maxLength: 8 }),
  codeThematiqueEpi: str("CodeThematiqueEpi", { minLength: 1, maxLength: 50 }),
  stringDateTime: str("StringDateTime", { minLength: 10, maxLength: 19, pattern: STRING_DATE_TIME }),
  civilite: enumeration("Civilite", ["M", "MME"]),
  typeStructure: enumeration("TypeStructure", ["D", "G"]),
  typeEnseignant: enumeration("TypeEnseignant", ["epp", "local", "dir", "autre"]),
  codeCompetenceNumerique: enumeration("CodeCompetenceNumerique", [
    "CN_INF_MEN", "CN_INF_GER", "CN_INF_TRA", "CN_COM_INT", "CN_COM_PAR", "CN_COM_COL", "CN_COM_SIN", "CN_CRE_TEX",
    "CN_CRE_MUL", "CN_CRE_ADA", "CN_CRE_PRO", "CN_PRO_SEC", "CN_PRO_DON", "CN_PRO_SAN", "CN_ENV_RES", "CN_ENV_EVO",
  ]),
  niveauCompetenceNumerique: digitPattern("NiveauCompetenceNumerique", 1, 1, 3),
  positionnementAcquis: digitPattern("PositionnementAcquis", 1, 1, 4),
  positionnementSocle: digitPattern("PositionnementSocle", 0, 0, 4),
  positionnement12: digitPattern("Positionnement1-2", 1, 1, 2),
  valeurVieScolaire: { kind: "integer", name: "ValeurVieScolaire", min: 0, max: 999 } as SimpleType,
  codeDomaineSocle: enumeration("CodeDomaineSocle", ["CPD_FRA", "CPD_ETR", "CPD_SCI", "CPD_ART", "MET_APP", "FRM_CIT", "SYS_NAT", "REP_MND"]),
  codeEnsCompl: enumeration("CodeEnsCompl", ["AUC", "LCA", "LCE", "LCR", "CHK", "PRO", "LSF", "LVE"]),
  codeLangueCultureRegionale: enumeration("CodeLangueCultureRegionale", [
    "AUC", "BAQ", "BRE", "CAT", "COS", "CPF", "FUD", "GAL", "GSW", "MEL", "MOL", "OCI", "TAH", "WLS",
  ]),
  codeIne: str("CodeINE", { length: 11 }),
  codeDomaine: str("CodeDomaine", { length: 7 }),
  chaine10: chaine(10),
  chaine40: chaine(40),
  chaine50: chaine(50),
  chaine100: chaine(100),
  chaine150: chaine(150),
  chaine300: chaine(300),
  chaine600: chaine(600),
  chaine1000: chaine(1000),
  chaine1500: chaine(1500),
};

/** The simple types, exported for the conformance test's mutations. */
export const LSU_TYPES = T;

const attr = (name: string, type: SimpleType, required = false): AttributeDecl => ({ name, type, required });
const req = (name: string, type: SimpleType) => attr(name, type, true);
const el = (name: string, type: ElementType, min = 1, max = 1): Particle => ({ name, type, min, max });
const complex = (name: string, attributes: AttributeDecl[], particles: Particle[] | null, uniques?: UniqueDecl[]): ComplexType => ({
  kind: "complex",
  name,
  attributes,
  content: particles === null ? { kind: "empty" } : { kind: "sequence", particles },
  uniques,
});
const simpleContent = (name: string, base: SimpleType, attributes: AttributeDecl[]): ComplexType => ({
  kind: "complex",
  name,
  attributes,
  content: { kind: "simple", type: base },
});
const unique = (name: string, selector: string, ...fields: string[]): UniqueDecl => ({ name, selector, fields: fields.map((f) => f.replace(/^@/, "")) });
/** A wrapper element holding a repeated child, optionally with a unique constraint over it. */
const list = (name: string, child: string, type: ElementType, uniques: UniqueDecl[] = [], min = 1, max = UNBOUNDED): ComplexType =>
  complex(name, [], [el(child, type, min, max)], uniques);

type Variant2d = "2020" | "7.0";

function schema2d(variant: Variant2d): LsuSchema {
  const v7 = variant === "7.0";
  const responsable = complex(
    "Responsable",
    [
      attr("civilite", T.civilite),
      attr("nom", T.nomPrenom),
      attr("prenom", T.nomPrenom),
      attr("legal1", T.boolean),
      attr("legal2", T.boolean),
      attr("lien-parente", T.chaine40),
      attr("denomination", T.chaine600),
    ],
    [
      el(
        "adresse",
        complex(
          "Adresse",
          [
            attr("ligne1", T.chaine50, !v7),
            attr("ligne2", T.chaine50),
            attr("ligne3", T.chaine50),
            attr("ligne4", T.chaine50),
            req("code-postal", T.chaine10),
            req("commune", T.chaine100),
          ],
          null,
        ),
        0,
      ),
    ],
  );
  const responsables = list("responsables", "responsable", responsable);
  const enseignantsDisciplines = list(
    "enseignants-disciplines",
    "enseignant-discipline",
    complex("EnseignantDiscipline", [req("enseignant-ref", T.idref), req("discipline-ref", T.idref)], null),
  );
  const parcours = simpleContent("Parcours", T.chaine600, [req("code", enumeration("CodeParcours", ["PAR_AVN", "PAR_CIT", "PAR_ART", "PAR_SAN"]))]);
  const domaineSocle = complex("DomaineSocle", [req("code", T.codeDomaineSocle), attr("positionnement", T.positionnementSocle, v7)], null);
  const domaineSocleCycle = complex("DomaineSocleCycle", [req("code", T.codeDomaineSocle), req("positionnement", T.positionnementSocle)], null);
  const modalites = [..."PAP PPS UPE2A SEGPA ULIS PAI PPRE CTR".split(" ")];

  const bilanPeriodique = complex(
    "BilanPeriodique",
    [
      req("eleve-ref", T.idref),
      req("periode-ref", T.idref),
      req("date-conseil-classe", T.date),
      req("date-scolarite", T.date),
      attr("date-verrou", T.stringDateTime, !v7),
      req("responsable-etab-ref", T.idref),
      attr("prof-princ-refs", T.idrefs),
    ],
    [
      el(
        "liste-acquis",
        list(
          "liste-acquis",
          "acquis",
          complex(
            "Acquis",
            [
              req("discipline-ref", T.idref),
              req("enseignant-refs", T.idrefs),
              attr("element-programme-refs", T.idrefs),
              attr("moyenne-eleve", T.moyenne),
              attr("moyenne-structure", T.moyenne),
              attr("eleve-non-note", T.boolean),
              attr("structure-non-notee", T.boolean),
              attr("positionnement", T.positionnementAcquis),
            ],
            [el("appreciation", T.chaine600, 0)],
          ),
          [unique("acquisConstraint", "acquis", "@discipline-ref")],
        ),
      ),
      el(
        "competences-numeriques",
        complex(
          "competences-numeriques",
          [attr("comp-num-commun-refs", T.idrefs)],
          [
            el("appreciation-num", T.chaineEmptyMax600, 0),
            el("competence-num", complex("CompetenceNumeriqueNiveau", [req("code", T.codeCompetenceNumerique), req("niveau", T.niveauCompetenceNumerique)], null), 0, UNBOUNDED),
          ],
          [unique("competenceNumeriqueConstraint", "competence-num", "@code")],
        ),
        0,
      ),
      el(
        "epis-eleve",
        list("epis-eleve", "epi-eleve", complex("EpiEleve", [req("epi-groupe-ref", T.idref)], [el("commentaire", T.chaine600, 0)]), [
          unique("epiGroupeEleveConstraint", "epi-eleve", "@epi-groupe-ref"),
        ]),
        0,
      ),
      el(
        "acc-persos-eleve",
        list("acc-persos-eleve", "acc-perso-eleve", complex("AccPersoEleve", [req("acc-perso-groupe-ref", T.idref)], [el("commentaire", T.chaine600, 0)]), [
          unique("accPersoGroupeEleveConstraint", "acc-perso-eleve", "@acc-perso-groupe-ref"),
        ]),
        0,
      ),
      el("liste-parcours", list("liste-parcours", "parcours", parcours, [unique("parcoursConstraint", "parcours", "@code")]), 0),
      el(
        "modalites-accompagnement",
        list(
          "modalites-accompagnement",
          "modalite-accompagnement",
          complex(
            "ModaliteAccompagnement",
            [req("code", enumeration("CodeModalite", modalites))],
            [el("complement-ppre", T.chaine600, 0), el("complement-contrat-reussite", T.chaine600, 0)],
          ),
          [unique("modaliteAccompagnementConstraint", "modalite-accompagnement", "@code")],
        ),
        0,
      ),
      el("acquis-conseils", T.chaine1000),
      el("devoirs-faits", T.chaine600, 0),
      el(
        "vie-scolaire",
        complex(
          "VieScolaire",
          [
            req("nb-retards", T.valeurVieScolaire),
            req("nb-abs-justifiees", T.valeurVieScolaire),
            req("nb-abs-injustifiees", T.valeurVieScolaire),
            attr("nb-heures-manquees", T.valeurVieScolaire),
          ],
          [el("commentaire", T.chaine600, 0)],
        ),
      ),
      el("socle", list("socle", "domaine", domaineSocle, [unique("domaineSoclePeriodiqueConstraint", "domaine", "@code")], v7 ? 1 : 8, 8), 0),
      el("responsables", responsables, 0),
    ],
  );

  const bilanCycle = complex(
    "BilanCycle",
    [
      req("eleve-ref", T.idref),
      req("cycle", digitPattern("Cycle", 1, 3, 4)),
      req("millesime", T.millesime),
      req("date-creation", T.date),
      attr("date-verrou", T.stringDateTime, !v7),
      req("responsable-etab-ref", T.idref),
      attr("prof-princ-refs", T.idrefs),
    ],
    [
      el("socle", list("socle", "domaine", domaineSocleCycle, [unique("domaineSocleCycleConstraint", "domaine", "@code")], 8, 8)),
      el("synthese", T.chaine1500),
      el("enseignement-complement", complex("EnseignementComplement", [req("code", T.codeEnsCompl), attr("positionnement", T.positionnement12)], null), 0),
      el("responsables", responsables, 0),
      el("langue-culture-regionale", complex("LangueCultureRegionale", [req("code", T.codeLangueCultureRegionale), attr("positionnement", T.positionnement12)], null), 0),
    ],
  );

  const donnees = complex(
    "Donnees",
    [],
    [
      el("responsables-etab", list("responsables-etab", "responsable-etab", complex("ResponsableEtab", [req("id", T.id), req("libelle", T.nomPrenom)], null), [unique("responsableEtabConstraint", "responsable-etab", "@libelle")])),
      el(
        "eleves",
        list(
          "eleves",
          "eleve",
          complex("Eleve", [req("id", T.id), req("id-be", T.positiveInteger), attr("nom", T.nomPrenom), attr("prenom", T.nomPrenom), req("code-division", T.codeStructure)], null),
          [unique("eleveConstraint", "eleve", "@id-be")],
        ),
      ),
      el(
        "periodes",
        list("periodes", "periode", complex("Periode", [req("id", T.id), req("millesime", T.millesime), req("indice", T.int), req("nb-periodes", T.int)], null), [
          unique("periodeConstraint", "periode", "@millesime", "@indice", "@nb-periodes"),
        ]),
        0,
      ),
      el(
        "disciplines",
        list(
          "disciplines",
          "discipline",
          complex(
            "Discipline",
            [
              req("id", T.id),
              req("code", T.codeMatiere),
              attr("code-national", T.codeMatiere),
              req("modalite-election", enumeration("ModaliteElection", v7 ? ["S", "O", "F", "L", "R", "X", "D"] : ["S", "O", "F", "L", "R", "X"])),
              req("libelle", T.chaine40),
              ...(v7 ? [attr("id-lv", T.idref)] : []),
            ],
            null,
          ),
          [unique("disciplineConstraint", "discipline", "@code", "@modalite-election", ...(v7 ? ["@id-lv"] : []))],
        ),
        0,
      ),
      el(
        "enseignants",
        list(
          "enseignants",
          "enseignant",
          complex(
            "Enseignant",
            [req("id", T.id), req("type", T.typeEnseignant), req("id-sts", T.positiveInteger), attr("civilite", T.civilite), attr("nom", T.nomPrenom), attr("prenom", T.chaineEmptyMax100)],
            null,
          ),
          [unique("enseignantConstraint", "enseignant", "@type", "@id-sts")],
        ),
        0,
      ),
      el(
        "elements-programme",
        list("elements-programme", "element-programme", complex("ElementProgramme", [req("id", T.id), req("libelle", T.chaine300)], null), [
          unique("elementProgrammeLibelleConstraint", "element-programme", "@libelle"),
        ]),
        0,
      ),
      el(
        "competences-numeriques-communs",
        list(
          "competences-numeriques-communs",
          "competences-numeriques-commun",
          simpleContent("CompetencesNumeriquesCommun", T.chaineEmptyMax600, [req("id", T.id), req("code-structure", T.codeStructure), req("type-structure", T.typeStructure)]),
        ),
        0,
      ),
      el(
        "parcours-communs",
        list(
          "parcours-communs",
          "parcours-commun",
          complex("parcours-commun", [req("periode-ref", T.idref), req("code-division", T.codeStructure)], [el("parcours", parcours, 1, UNBOUNDED)], [
            unique("parcoursCommunCodeConstraint", "parcours", "@code"),
          ]),
          [unique("parcoursCommunConstraint", "parcours-commun", "@periode-ref", "@code-division")],
        ),
        0,
      ),
      el(
        "vies-scolaires-communs",
        list(
          "vies-scolaires-communs",
          "vie-scolaire-commun",
          complex("VieScolaireCommun", [req("periode-ref", T.idref), req("code-division", T.codeStructure)], [el("commentaire", T.chaine600)]),
          [unique("vieScolaireCommunConstraint", "vie-scolaire-commun", "@periode-ref", "@code-division")],
        ),
        0,
      ),
      el(
        "epis-thematiques",
        list("epis-thematiques", "epi-thematique", complex("EpiThematique", [req("code", T.codeThematiqueEpi), req("libelle", T.chaine100)], null), [
          unique("epiThematiqueConstraint", "epi-thematique", "@code"),
        ]),
        0,
      ),
      el(
        "epis",
        list(
          "epis",
          "epi",
          complex(
            "Epi",
            [req("id", T.id), req("intitule", T.chaine150), req("thematique", T.codeThematiqueEpi), req("discipline-refs", T.atLeast2Idrefs)],
            [el("description", T.chaine600, 0)],
          ),
        ),
        0,
      ),
      el(
        "epis-groupes",
        list(
          "epis-groupes",
          "epi-groupe",
          complex("EpiGroupe", [req("id", T.id), req("epi-ref", T.idref), req("intitule", T.chaine150)], [el("commentaire", T.chaine600, 0), el("enseignants-disciplines", enseignantsDisciplines)]),
        ),
        0,
      ),
      el(
        "acc-persos",
        list(
          "acc-persos",
          "acc-perso",
          complex("AccPerso", [req("id", T.id), req("intitule", T.chaine150), req("discipline-refs", T.idrefs)], [el("description", T.chaine600, 0)]),
        ),
        0,
      ),
      el(
        "acc-persos-groupes",
        list(
          "acc-persos-groupes",
          "acc-perso-groupe",
          complex(
            "AccPersoGroupe",
            [req("id", T.id), req("acc-perso-ref", T.idref), req("intitule", T.chaine150)],
            [el("commentaire", T.chaine600, 0), el("enseignants-disciplines", enseignantsDisciplines)],
          ),
        ),
        0,
      ),
      el("bilans-periodiques", list("bilans-periodiques", "bilan-periodique", bilanPeriodique, [unique("bilanPeriodiqueConstraint", "bilan-periodique", "@eleve-ref", "@periode-ref")]), 0),
      el("bilans-cycle", list("bilans-cycle", "bilan-cycle", bilanCycle, [unique("bilanCycleConstraint", "bilan-cycle", "@eleve-ref", "@cycle")]), 0),
    ],
  );

  const entete: ComplexType = {
    kind: "complex",
    name: "Entete",
    attributes: [],
    content: { kind: "all", particles: [el("editeur", T.chaine50), el("application", T.chaine50), el("appliVersion", T.chaine50, 0), el("etablissement", T.codeUai)] },
  };
  return {
    id: v7 ? "2d-7.0" : "2d-2020",
    degree: Degree.SECOND,
    root: complex("LsunBilans", [req("schemaVersion", enumeration("schemaVersion", v7 ? ["2.0", "3.0", "4.0", "5.0", "6.0", "7.0"] : ["2.0", "3.0"]))], [
      el("entete", entete),
      el("donnees", donnees),
    ]),
  };
}

function schema1d(): LsuSchema {
  const person = (name: string) => complex(name, [req("id", T.id), req("civilite", T.civilite), req("nom", T.nomPrenom), req("prenom", T.nomPrenom)], null);
  const responsable = complex(
    "Responsable",
    [req("civilite", T.civilite), req("nom", T.nomPrenom), req("prenom", T.nomPrenom), attr("lien-parente", T.chaine40)],
    [
      el(
        "adresse",
        complex(
          "Adresse",
          [req("ligne1", T.chaine50), attr("ligne2", T.chaine50), attr("ligne3", T.chaine50), attr("ligne4", T.chaine50), req("code-postal", T.chaine10), req("commune", T.chaine100)],
          null,
        ),
        0,
      ),
    ],
  );
  const responsables = list("responsables", "responsable", responsable);
  const parcours = simpleContent("Parcours", T.chaine600, [req("code", enumeration("CodeParcours", ["PAR_CIT", "PAR_ART", "PAR_SAN"]))]);
  const domainAttributes = [req("code-domaine", T.codeDomaine), attr("element-programme-refs", T.idrefs), attr("positionnement", T.positionnementAcquis), attr("non-evalue", T.boolean)];

  const bilanPeriodique = complex(
    "BilanPeriodique",
    [
      req("eleve-ref", T.idref),
      req("periode-ref", T.idref),
      req("enseignant-refs", T.idrefs),
      req("date-creation", T.date),
      req("date-scolarite", T.date),
      req("date-verrou", T.dateTime),
      req("directeur-ref", T.idref),
    ],
    [
      el(
        "liste-acquis",
        list(
          "liste-acquis",
          "acquis",
          complex(
            "Acquis",
            domainAttributes,
            [
              el("appreciation", T.chaine600, 0),
              el("sous-domaines", list("sous-domaines", "sous-domaine", complex("SousDomaine", domainAttributes, null), [unique("sousDomaineConstraint", "sous-domaine", "@code-domaine")]), 0),
            ],
          ),
          [unique("acquisConstraint", "acquis", "@code-domaine")],
        ),
      ),
      el("liste-parcours", list("liste-parcours", "parcours", parcours, [unique("parcoursConstraint", "parcours", "@code")]), 0),
      el(
        "modalites-accompagnement",
        list(
          "modalites-accompagnement",
          "modalite-accompagnement",
          complex("ModaliteAccompagnement", [req("code", enumeration("CodeModalite", ["PAP", "PPS", "UPE2A", "RASED", "ULIS", "PAI", "PPRE"]))], [el("complement-ppre", T.chaine600, 0)]),
          [unique("modaliteAccompagnementConstraint", "modalite-accompagnement", "@code")],
        ),
        0,
      ),
      el("appreciation-generale", T.chaine1500),
      el(
        "socle",
        list("socle", "domaine", complex("DomaineSocle", [req("code", T.codeDomaineSocle), attr("positionnement", T.positionnementSocle)], null), [unique("domaineSocleConstraint", "domaine", "@code")], 8, 8),
        0,
      ),
      el("responsables", responsables, 0),
    ],
  );
  const bilanCycle = complex(
    "BilanCycle",
    [
      req("eleve-ref", T.idref),
      req("cycle", digitPattern("Cycle", 1, 2, 2)),
      req("millesime", T.millesime),
      req("enseignant-refs", T.idrefs),
      req("date-creation", T.date),
      req("date-verrou", T.dateTime),
      req("directeur-ref", T.idref),
    ],
    [
      el(
        "socle",
        list("socle", "domaine", complex("DomaineSocleCycle", [req("code", T.codeDomaineSocle), req("positionnement", T.positionnementSocle)], null), [unique("domaineSocleCycleConstraint", "domaine", "@code")], 8, 8),
      ),
      el("synthese", T.chaine1500),
      el("responsables", responsables, 0),
    ],
  );
  const donnees = complex(
    "Donnees",
    [],
    [
      el("directeurs", list("directeurs", "directeur", person("Directeur"), [unique("directeurConstraint", "directeur", "@civilite", "@nom", "@prenom")])),
      el("classes", list("classes", "classe", complex("Classe", [req("id", T.id), req("id-be", T.positiveInteger), attr("libelle", T.chaine50)], null), [unique("classeConstraint", "classe", "@id-be")])),
      el(
        "eleves",
        list("eleves", "eleve", complex("Eleve", [req("id", T.id), req("ine", T.codeIne), req("classe-ref", T.idref), attr("nom", T.nomPrenom), attr("prenom", T.nomPrenom)], null), [
          unique("eleveConstraint", "eleve", "@ine"),
        ]),
      ),
      el(
        "periodes",
        list(
          "periodes",
          "periode",
          complex("Periode", [req("id", T.id), req("millesime", T.millesime), req("indice", T.int), req("nb-periodes", T.int), req("date-debut", T.date), req("date-fin", T.date)], null),
          [unique("periodeConstraint", "periode", "@millesime", "@indice", "@nb-periodes", "@date-debut", "@date-fin")],
        ),
        0,
      ),
      el("enseignants", list("enseignants", "enseignant", person("Enseignant"), [unique("enseignantConstraint", "enseignant", "@civilite", "@nom", "@prenom")])),
      el(
        "elements-programme",
        list("elements-programme", "element-programme", complex("ElementProgramme", [req("id", T.id), req("libelle", T.chaine300)], null), [
          unique("elementProgrammeLibelleConstraint", "element-programme", "@libelle"),
        ]),
        0,
      ),
      el(
        "parcours-communs",
        list(
          "parcours-communs",
          "parcours-commun",
          complex("parcours-commun", [req("periode-ref", T.idref), req("classe-ref", T.idref)], [el("parcours", parcours, 1, UNBOUNDED)], [unique("parcoursCommunCodeConstraint", "parcours", "@code")]),
          [unique("parcoursCommunConstraint", "parcours-commun", "@periode-ref", "@classe-ref")],
        ),
        0,
      ),
      el("bilans-periodiques", list("bilans-periodiques", "bilan-periodique", bilanPeriodique, [unique("bilanPeriodiqueConstraint", "bilan-periodique", "@eleve-ref", "@periode-ref")]), 0),
      el("bilans-cycle", list("bilans-cycle", "bilan-cycle", bilanCycle, [unique("bilanCycleConstraint", "bilan-cycle", "@eleve-ref", "@cycle")]), 0),
    ],
  );
  const entete: ComplexType = {
    kind: "complex",
    name: "Entete",
    attributes: [],
    content: { kind: "all", particles: [el("editeur", T.chaine50), el("application", T.chaine50), el("etablissement", T.codeUai)] },
  };
  return {
    id: "1d-1.0b",
    degree: Degree.FIRST,
    root: complex("LsunBilans", [req("schemaVersion", enumeration("schemaVersion", ["1.0"]))], [el("entete", entete), el("donnees", donnees)]),
  };
}

export const LSU_SCHEMAS = {
  "2d-2020": schema2d("2020"),
  "2d-7.0": schema2d("7.0"),
  "1d-1.0b": schema1d(),
} as const;

/**
 * Which schema a file is checked against, from its schemaVersion: 2.0/3.0 against the 2020 schema (the one
 * those exporters target), 4.0 to 7.0 against 7.0, 1.0 (1D) against revision 1.0b. Null: unsupported.
 */
export function schemaForVersion(version: string | undefined): LsuSchema | null {
  switch (version) {
    case "1.0":
      return LSU_SCHEMAS["1d-1.0b"];
    case "2.0":
    case "3.0":
      return LSU_SCHEMAS["2d-2020"];
    case "4.0":
    case "5.0":
    case "6.0":
    case "7.0":
      return LSU_SCHEMAS["2d-7.0"];
    default:
      return null;
  }
}

export const SUPPORTED_VERSIONS = ["1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0"];
