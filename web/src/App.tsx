import { useEffect, useState } from "react";
import { useQuery } from "urql";
import { MeDocument } from "../../operations/generated/graphql";
import { SignIn } from "./SignIn";
import { TeacherHome } from "./Teacher";
import { DirectorHome } from "./Director";
import { GuardianHome } from "./Guardian";
import { DasenHome } from "./Dasen";

async function signOut() {
  await fetch("/auth/logout", { method: "POST", credentials: "same-origin" });
  window.location.assign("/");
}

/** The server's date: periods are current by its clock, not the browser's. */
function useServerToday(): string {
  const [today, setToday] = useState(() => new Date().toISOString().slice(0, 10));
  useEffect(() => {
    fetch("/auth/config")
      .then((r) => r.json())
      .then((c: { today?: string }) => c.today && setToday(c.today), () => undefined);
  }, []);
  return today;
}

export function App() {
  const [{ data, fetching, error }] = useQuery({ query: MeDocument });
  const today = useServerToday();
  const me = data?.me;
  useEffect(() => {
    document.title = me ? `Livret — ${me.firstName} ${me.surname}` : "Livret — connexion";
  }, [me]);
  if (fetching && !data) return <main><p>Chargement…</p></main>;
  if (!me) return <SignIn expired={Boolean(error)} />;
  const roles = new Set(me.roles.map((r) => r.role));
  const lead = me.roles.find((r) => (r.role === "DIRECTOR" || r.role === "HEAD") && r.school);
  return (
    <>
      <header className="top">
        <strong>Livret</strong>
        <span>
          {me.firstName} {me.surname} · {data!.currentSchoolYear.label}
        </span>
        <button type="button" onClick={signOut}>Se déconnecter</button>
      </header>
      <main>
        {data!.homeNotices.length > 0 && (
          <section aria-labelledby="notices">
            <h2 id="notices">À faire</h2>
            <ul className="notices">
              {data!.homeNotices.map((n) => (
                <li key={n.code} className={`notice ${n.severity.toLowerCase()}`}>
                  {n.message}
                  {n.records.length > 0 && <span> — {n.records.map((r) => r.label).join(", ")}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        {me.kind === "GUARDIAN" && <GuardianHome educonnectActive={me.educonnectActive ?? false} />}
        {lead?.school && <DirectorHome schoolId={lead.school.id} schoolName={lead.school.name} />}
        {roles.has("TEACHER") && <TeacherHome teaching={me.teaching} today={today} />}
        {roles.has("DASEN") && <DasenHome />}
      </main>
    </>
  );
}

export function useHashRoute(): [string, (to: string) => void] {
  const [route, setRoute] = useState(window.location.hash.slice(1));
  useEffect(() => {
    const on = () => setRoute(window.location.hash.slice(1));
    window.addEventListener("hashchange", on);
    return () => window.removeEventListener("hashchange", on);
  }, []);
  return [route, (to) => (window.location.hash = to)];
}
