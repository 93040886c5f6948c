// Where the portal finds the registry's public gateway, set by the deployment: `null` is port
// 9944 of the host that serves this page; `node portal/serve.mjs --gateway https://…` serves
// this file with that address. Nothing in the page's address can change it (a link naming
// another server would let a forger's server answer "valid" on the official page).
globalThis.CIVIL_PORTAL = { gateway: null };
