// Run before zod is installed: the main entries load, ./zod explains what is missing.
const rows = [];
for (const vendor of ["openapp", "omlet", "overkiz"]) {
  const main = await import(`@openapp/${vendor}-generated`).then((m) => typeof m.operationTable === "object", (e) => String(e));
  const zod = await import(`@openapp/${vendor}-generated/zod`).then(() => "loaded without zod?!", (e) => String(e.message));
  const ok = main === true && zod.includes(`@openapp/${vendor}-generated/zod needs the optional peer dependency zod`);
  rows.push({ name: `ESM: @openapp/${vendor}-generated works without zod, /zod says zod is missing`, ok, detail: ok ? zod : `${main} | ${zod}` });
}
console.log(JSON.stringify(rows));
