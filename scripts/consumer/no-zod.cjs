// Run before zod is installed: the main entries load, ./zod explains what is missing.
const rows = [];
for (const vendor of ["openapp", "omlet", "overkiz"]) {
  let main;
  let zod;
  try {
    main = typeof require(`@openapp/${vendor}-generated`).operationTable === "object";
  } catch (error) {
    main = String(error);
  }
  try {
    require(`@openapp/${vendor}-generated/zod`);
    zod = "loaded without zod?!";
  } catch (error) {
    zod = String(error.message);
  }
  const ok = main === true && zod.includes(`@openapp/${vendor}-generated/zod needs the optional peer dependency zod`);
  rows.push({ name: `CJS: @openapp/${vendor}-generated works without zod, /zod says zod is missing`, ok, detail: ok ? zod : `${main} | ${zod}` });
}
console.log(JSON.stringify(rows));
