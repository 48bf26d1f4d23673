// Side panel entry: the page starts as every extension page does (components/app/start-page.tsx:
// enterprise policy, the configuration in effect, the services once) and shows the app.
import { startPage } from '../../components/app/start-page';
import { t, uiLanguage } from '../../lib/any/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage();
document.title = t('panelTitle');

startPage(document.getElementById('app')!, () => <App />);
