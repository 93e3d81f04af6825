import { useQuery } from "urql";
import { GuardianRecordDocument } from "../../operations/generated/graphql";

/** My children → their livret: every locked report by year, end-of-cycle reports, attestations; the PDF. */
export function GuardianHome({ educonnectActive }: { educonnectActive: boolean }) {
  const [{ data }] = useQuery({ query: GuardianRecordDocument });
  return (
    <section aria-labelledby="children">
      <h1 id="children">Mes enfants</h1>
      {!educonnectActive && <p role="status">Votre compte EduConnect n'est pas activé : le livret de vos enfants s'affichera une fois l'accès ouvert par l'établissement.</p>}
      {data?.myChildren.map((child) => {
        const current = child.enrolments[child.enrolments.length - 1];
        const years = [...new Set(child.periodicReports.map((r) => r.schoolYear))].sort((a, b) => b - a);
        return (
          <article key={child.id} className="child">
            <h2>
              {child.firstName} {child.surname}
            </h2>
            {current && (
              <p>
                {current.school.name} · {current.class?.code}
              </p>
            )}
            {child.periodicReports.length === 0 && educonnectActive && <p role="status">Aucun bilan n'est encore publié : l'établissement n'a pas encore ouvert le livret en ligne ou verrouillé de bilan.</p>}
            {years.map((year) => (
              <section key={year}>
                <h3>
                  Année {year}-{year + 1}
                </h3>
                {child.periodicReports
                  .filter((r) => r.schoolYear === year)
                  .map((r) => (
                    <div key={r.id} className="report">
                      <h4>
                        Période {r.period.position} ({r.period.startsOn} – {r.period.endsOn})
                      </h4>
                      <dl>
                        {r.entries.map((e) => (
                          <div key={e.subject.code}>
                            <dt>{e.subject.label}</dt>
                            <dd>{e.appreciation ?? "—"}</dd>
                          </div>
                        ))}
                      </dl>
                      {r.synthesis && <p>Synthèse : {r.synthesis}</p>}
                    </div>
                  ))}
              </section>
            ))}
            {child.cycleReports.length > 0 && <p>Bilans de fin de cycle : {child.cycleReports.map((c) => `cycle ${c.cycle}`).join(", ")}</p>}
            {child.attestations.length > 0 && <p>Attestations : {child.attestations.map((a) => a.type).join(", ")}</p>}
            {child.periodicReports.length > 0 && (
              <p>
                <a className="button" href={`/livret/${child.id}.pdf`} download>
                  Télécharger le livret de {child.firstName} (PDF)
                </a>
              </p>
            )}
          </article>
        );
      })}
      {educonnectActive && data && (
        <p className="hint">
          Un enfant n'apparaît pas ? Son établissement (un collège par exemple) n'a pas encore ouvert le livret en ligne : il s'affichera dès son ouverture.
        </p>
      )}
    </section>
  );
}
