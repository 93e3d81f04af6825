import { useEffect, useState } from "react";

interface AuthConfig {
  providers: Array<{ id: string; label: string }>;
  personas: Array<{ login: string; who: string }>;
}

/** Production: the identity providers (OIDC, code + PKCE). Development: a demo persona. */
export function SignIn({ expired }: { expired: boolean }) {
  const [config, setConfig] = useState<AuthConfig>();
  const [login, setLogin] = useState("");
  useEffect(() => {
    fetch("/auth/config").then((r) => r.json()).then(setConfig, () => setConfig({ providers: [], personas: [] }));
  }, []);
  const devSignIn = async (event: React.FormEvent) => {
    event.preventDefault();
    const response = await fetch("/auth/dev-login", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ login }) });
    if (response.ok) window.location.assign("/");
  };
  return (
    <main className="sign-in">
      <h1>Livret scolaire</h1>
      {expired && <p role="status">Votre session a expiré : connectez-vous à nouveau.</p>}
      {config?.providers.map((p) => (
        <p key={p.id}>
          <a className="button" href={`/auth/login/${p.id}`}>Se connecter — {p.label}</a>
        </p>
      ))}
      {config && config.personas.length > 0 && (
        <form onSubmit={devSignIn}>
          <h2>Développement : choisir un profil de démonstration</h2>
          <label htmlFor="persona">Profil</label>
          <select id="persona" value={login} onChange={(e) => setLogin(e.target.value)} required>
            <option value="">—</option>
            {config.personas.map((p) => (
              <option key={p.login} value={p.login}>
                {p.login} — {p.who}
              </option>
            ))}
          </select>
          <button type="submit">Se connecter</button>
        </form>
      )}
    </main>
  );
}
