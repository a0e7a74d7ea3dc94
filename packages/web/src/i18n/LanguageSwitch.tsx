// The header's language switch; the choice survives reloads through I18nProvider.
import { Segmented } from 'antd';
import { LANGS, type Lang } from './context';
import { useLang, useT } from './useT';

export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      options={LANGS.map((l) => ({ value: l, label: t(l === 'zh-CN' ? 'lang.zhCN' : 'lang.en') }))}
      data-testid="language-switch"
    />
  );
}
