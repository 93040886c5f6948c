// Where the portal finds the registry's public gateway. `null`: port 9944 of the host that
// serves this page. `?gateway=https://…` in the page's address overrides it; so does
// `node portal/serve.mjs --gateway https://…`, which serves this file with its address.
globalThis.CIVIL_PORTAL = { gateway: null };
