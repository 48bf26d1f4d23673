// Ports the demo intranet, the demo identity provider and the emulators use. demo/prikbord.org.json
// names the same ones (a unit test keeps them in step), and firebase/firebase.json the emulators'.
export const DEMO_PORTS = { intranet: 8101, oidc: 8102, auth: 9099, firestore: 8080, functions: 5001 } as const;
