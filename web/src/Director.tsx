import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { ChangeClassSettingsDocument, ClassSettingsPreviewDocument, DirectorSchoolDashboardDocument, RestoreClassSettingsDocument } from "../../operations/generated/graphql";
import type { PositioningType } from "../../operations/generated/graphql";
import { client, errorCode } from "./client";

/** The school dashboard: classes × reports, classes without settings or periods, class settings with their preview. */
export function DirectorHome({ schoolId, schoolName }: { schoolId: string; schoolName: string }) {
  const [{ data }, reload] = useQuery({ query: DirectorSchoolDashboardDocument, variables: { schoolId } });
  const [editing, setEditing] = useState<string>();
  return (
    <section aria-labelledby="school">
      <h1 id="school">{schoolName}</h1>
      {data && (
        <table>
          <caption>Classes et bilans de l'année</caption>
          <thead>
            <tr>
              <th scope="col">Classe</th>
              <th scope="col">Réglages</th>
              <th scope="col">Périodes</th>
              <th scope="col">Brouillons</th>
              <th scope="col">Verrouillés</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {data.school.classes.map((c) => {
              const reports = c.students.flatMap((s) => s.periodicReports);
              return (
                <tr key={c.id}>
                  <th scope="row">{c.code}</th>
                  <td>{c.dataSource ? `${c.dataSource} · ${c.positioningType}` : "Non réglée"}</td>
                  <td>{c.periods.length || "Aucune"}</td>
                  <td>{reports.filter((r) => r.status === "DRAFT").length}</td>
                  <td>{reports.filter((r) => r.status === "LOCKED").length}</td>
                  <td>
                    {c.dataSource && (
                      <button type="button" className="link" onClick={() => setEditing(c.id)}>
                        Modifier les réglages de {c.code}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && data && (
        <ClassSettings
          key={editing}
          schoolClass={data.school.classes.find((c) => c.id === editing)!}
          done={() => reload({ requestPolicy: "network-only" })}
        />
      )}
    </section>
  );
}

const POSITIONING: PositioningType[] = ["OBJECTIVES", "SCALE", "GRADES"];

function ClassSettings({ schoolClass, done }: { schoolClass: { id: string; code: string; dataSource?: string | null; positioningType?: PositioningType | null }; done: () => void }) {
  const [positioningType, setPositioningType] = useState<PositioningType>(schoolClass.positioningType ?? "OBJECTIVES");
  const [preview, setPreview] = useState<{ destructive: boolean; reportsDeleted: number; entriesDeleted: number; positioningsDeleted: number; reportsMadeReadOnly: number }>();
  const [confirmed, setConfirmed] = useState(false);
  const [changeId, setChangeId] = useState<string>();
  const [message, setMessage] = useState<string>();
  const [, change] = useMutation(ChangeClassSettingsDocument);
  const [, restore] = useMutation(RestoreClassSettingsDocument);
  const settings = { dataSource: "ENTRY" as const, positioningType };
  const onPreview = async () => {
    const result = await client.query(ClassSettingsPreviewDocument, { classId: schoolClass.id, settings }, { requestPolicy: "network-only" }).toPromise();
    setPreview(result.data?.classSettingsChangeImpact);
    setConfirmed(false);
  };
  const onApply = async () => {
    const result = await change({ classId: schoolClass.id, settings, confirmDataLoss: confirmed });
    if (result.error) return setMessage(`Refusé (${errorCode(result.error)}).`);
    setChangeId(result.data?.updateClassSettings.change?.id);
    setMessage("Réglages modifiés.");
    done();
  };
  const onRestore = async () => {
    const result = await restore({ changeId: changeId! });
    setMessage(result.error ? `Refusé (${errorCode(result.error)}).` : "Classe restaurée telle qu'elle était.");
    setChangeId(undefined);
    done();
  };
  return (
    <section className="editor" aria-labelledby="settings-title">
      <h2 id="settings-title">Réglages de la classe {schoolClass.code}</h2>
      <label htmlFor="positioning">Positionnement</label>
      <select id="positioning" value={positioningType} onChange={(e) => { setPositioningType(e.target.value as PositioningType); setPreview(undefined); }}>
        {POSITIONING.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
      <button type="button" onClick={onPreview}>Voir l'impact</button>
      {preview && (
        <div role="status" className={preview.destructive ? "conflict" : undefined}>
          {preview.destructive ? (
            <>
              <p>
                Attention : ce changement supprime {preview.reportsDeleted} bilans, {preview.entriesDeleted} saisies et {preview.positioningsDeleted} positionnements ;{" "}
                {preview.reportsMadeReadOnly} bilans passent en lecture seule. Ces données sont archivées et restaurables cette année.
              </p>
              <label>
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Je confirme la suppression de ces données
              </label>
            </>
          ) : (
            <p>Ce changement ne supprime aucune donnée.</p>
          )}
          <button type="button" onClick={onApply} disabled={preview.destructive && !confirmed}>
            Appliquer
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
      {changeId && (
        <button type="button" onClick={onRestore}>
          Restaurer la classe
        </button>
      )}
    </section>
  );
}
