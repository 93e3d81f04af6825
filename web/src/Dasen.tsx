import { useQuery } from "urql";
import { DasenAcademyDocument } from "../../operations/generated/graphql";

/** The academy's écoles. */
export function DasenHome() {
  const [{ data }] = useQuery({ query: DasenAcademyDocument, variables: {} });
  return (
    <section aria-labelledby="academy">
      <h1 id="academy">Écoles de l'académie</h1>
      {data && (
        <table>
          <caption>{data.schools.totalCount} établissements</caption>
          <thead>
            <tr>
              <th scope="col">UAI</th>
              <th scope="col">Nom</th>
              <th scope="col">Degré</th>
            </tr>
          </thead>
          <tbody>
            {data.schools.items.map((s) => (
              <tr key={s.id}>
                <td>{s.uai}</td>
                <th scope="row">{s.name}</th>
                <td>{s.degree === "FIRST" ? "1er degré" : "2d degré"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
