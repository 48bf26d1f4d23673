// Side panel entry: wires the services once and renders the app.
import { render } from 'preact';
import { firebase } from '../../lib/data/firebase/full-client';
import { openDb } from '../../lib/data/db';
import { t, uiLanguage } from '../../lib/any/i18n';
import { loadOrgConfig } from '../../lib/any/org-config';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('panelTitle');
const config = loadOrgConfig();
render(<App db={openDb()} fb={firebase(config.firebase)} config={config} />, document.getElementById('app')!);
