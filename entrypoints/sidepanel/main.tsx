// Side panel entry: the page starts as every extension page does (components/app/start-page.tsx:
// enterprise policy, the configuration in effect, the services once) and shows the app. The target
// tab is asked first of all (components/app/use-target-page.ts says why).
import { startPage } from '../../components/app/start-page';
import { startTargetWatch } from '../../components/app/use-target-page';
import { t, uiLanguage } from '../../lib/any/i18n';
import { App } from './App';

startTargetWatch();
document.documentElement.lang = uiLanguage();
document.title = t('panelTitle');

startPage(document.getElementById('app')!, () => <App />);
