import { useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import { ClassPeriodsDocument, LockReportDocument, MeQuery, SaveReportEntriesDocument, TeacherClassDashboardDocument, TeacherClassDashboardQuery } from "../../operations/generated/graphql";
import { errorCode } from "./client";
import { useHashRoute } from "./App";

type Teaching = NonNullable<MeQuery["me"]>["teaching"];
type Report = NonNullable<TeacherClassDashboardQuery["class"]>["periodicReports"][number];

const STATUS: Record<string, string> = { DRAFT: "Brouillon", LOCKED: "Verrouillé" };

/** My classes → a class dashboard; the group-only teacher sees their groups (R-SEED-17). */
export function TeacherHome({ teaching, today }: { teaching: Teaching; today: string }) {
  const [route, go] = useHashRoute();
  const classes = [...new Map(teaching.filter((t) => t.schoolClass).map((t) => [t.schoolClass!.id, t.schoolClass!])).values()];
  const groups = [...new Map(teaching.filter((t) => t.group).map((t) => [t.group!.id, t])).values()];
  const open = /^class\/(\d+)$/.exec(route)?.[1];
  if (open) return <ClassDashboard classId={open} today={today} back={() => go("")} />;
  return (
    <section aria-labelledby="my-classes">
      <h1 id="my-classes">Mes classes</h1>
      {classes.length === 0 && <p>Vous n'êtes professeur principal d'aucune classe cette année.</p>}
      <ul className="cards">
        {classes.map((c) => (
          <li key={c.id}>
            <a href={`#class/${c.id}`}>Classe {c.code}</a>
          </li>
        ))}
      </ul>
      {groups.length > 0 && (
        <>
          <h2>Mes groupes</h2>
          <ul>
            {groups.map((g) => (
              <li key={g.group!.id}>
                Groupe {g.group!.code} — {g.subject.label} : vous complétez votre matière dans les bilans créés par l'équipe de la classe.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function currentPeriod<T extends { startsOn: string; endsOn: string }>(periods: T[], today: string): T | undefined {
  return periods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? periods[0];
}

function ClassDashboard({ classId, today, back }: { classId: string; today: string; back: () => void }) {
  const [{ data: periodsData }] = useQuery({ query: ClassPeriodsDocument, variables: { classId } });
  const [chosen, setChosen] = useState<string>();
  const periods = periodsData?.class.periods ?? [];
  const periodId = chosen ?? currentPeriod(periods, today)?.id;
  return (
    <section aria-labelledby="class-title">
      <p>
        <button type="button" className="link" onClick={back}>← Mes classes</button>
      </p>
      <h1 id="class-title">Classe {periodsData?.class.code}</h1>
      {periodsData && periods.length === 0 && <p role="status">Les périodes de cette classe ne sont pas encore définies par la direction.</p>}
      {periods.length > 0 && (
        <p>
          <label htmlFor="period">Période </label>
          <select id="period" value={periodId} onChange={(e) => setChosen(e.target.value)}>
            {periods.map((p) => (
              <option key={p.id} value={p.id}>
                Période {p.position} ({p.startsOn} – {p.endsOn})
              </option>
            ))}
          </select>
        </p>
      )}
      {periodId && <ClassReports classId={classId} periodId={periodId} />}
    </section>
  );
}

function ClassReports({ classId, periodId }: { classId: string; periodId: string }) {
  const [{ data, error }, reload] = useQuery({ query: TeacherClassDashboardDocument, variables: { classId, periodId } });
  const [open, setOpen] = useState<string>();
  if (error && !data) return <p role="alert">Le tableau de bord n'a pas pu être chargé ({errorCode(error) ?? "erreur"}).</p>;
  if (!data) return <p>Chargement…</p>;
  const reports = new Map(data.class.periodicReports.map((r) => [r.student.id, r]));
  const locked = data.class.periodicReports.filter((r) => r.status === "LOCKED").length;
  return (
    <>
      <p>
        {data.class.students.length} élèves · {data.class.periodicReports.length} bilans · {locked} verrouillés
      </p>
      <table>
        <caption>Bilans de la période</caption>
        <thead>
          <tr>
            <th scope="col">Élève</th>
            <th scope="col">Bilan</th>
            <th scope="col">Domaines renseignés</th>
          </tr>
        </thead>
        <tbody>
          {data.class.students.map((s) => {
            const report = reports.get(s.id);
            return (
              <tr key={s.id}>
                <th scope="row">
                  {s.surname} {s.firstName}
                </th>
                <td>
                  {report ? (
                    <button type="button" className="link" onClick={() => setOpen(open === report.id ? undefined : report.id)} aria-expanded={open === report.id}>
                      {STATUS[report.status] ?? report.status}
                    </button>
                  ) : (
                    "Pas de bilan"
                  )}
                </td>
                <td>{report ? report.entries.filter((e) => e.appreciation || e.positioning !== null).length : 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {open && reports.size > 0 && (
        <ReportEditor key={open} report={data.class.periodicReports.find((r) => r.id === open)!} reload={() => reload({ requestPolicy: "network-only" })} />
      )}
    </>
  );
}

/** Saves with the version it read; a CONFLICT keeps what the teacher typed and offers the saved version. */
function ReportEditor({ report, reload }: { report: Report; reload: () => void }) {
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(report.entries.map((e) => [e.subject.code, e.appreciation ?? ""])));
  const [version, setVersion] = useState(report.version);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [, save] = useMutation(SaveReportEntriesDocument);
  const [, lock] = useMutation(LockReportDocument);
  const readOnly = report.status === "LOCKED";
  // A reloaded report (after a CONFLICT, or our own save) becomes the version the next save expects.
  useEffect(() => {
    if (!conflict) setVersion(report.version);
  }, [report.version, conflict]);
  const onSave = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const entries = report.entries.map((e) => ({ subjectCode: e.subject.code, appreciation: texts[e.subject.code] || null, positioning: e.positioning }));
    const result = await save({ id: report.id, expectedVersion: version, entries });
    if (errorCode(result.error) === "CONFLICT") return setConflict(true);
    if (result.data) {
      setVersion(result.data.updatePeriodicReport.version);
      setSaved(true);
    }
  };
  const takeSaved = () => {
    // The saved version becomes the base; the teacher's text stays in the fields to merge by hand.
    setConflict(false);
    reload();
  };
  return (
    <form className="editor" onSubmit={onSave} aria-labelledby="editor-title">
      <h2 id="editor-title">Bilan (version {version})</h2>
      {conflict && (
        <div role="alert" className="conflict">
          <p>Un autre enseignant a enregistré ce bilan depuis que vous l'avez ouvert. Votre saisie est conservée ci-dessous.</p>
          <button type="button" onClick={takeSaved}>Recharger la version enregistrée</button>
          <ul>
            {report.entries.map((e) => (
              <li key={e.id}>
                {e.subject.label} (enregistré) : <q>{e.appreciation}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.entries.map((e) => (
        <div key={e.id} className="entry">
          <label htmlFor={`appreciation-${e.subject.code}`}>{e.subject.label}</label>
          <p className="current" data-testid={`saved-${e.subject.code}`}>{e.appreciation}</p>
          <textarea id={`appreciation-${e.subject.code}`} value={texts[e.subject.code]} readOnly={readOnly} onChange={(ev) => setTexts({ ...texts, [e.subject.code]: ev.target.value })} />
        </div>
      ))}
      {!readOnly && <button type="submit">Enregistrer</button>}
      {!readOnly && (
        <button
          type="button"
          onClick={async () => {
            await lock({ id: report.id });
            reload();
          }}
        >
          Verrouiller
        </button>
      )}
      {saved && <p role="status">Enregistré.</p>}
    </form>
  );
}
