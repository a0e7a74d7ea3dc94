// Toasts for the outcome of an action: success in the user's language, failures with the server's words.
import { App } from 'antd';
import { useMemo } from 'react';
import { useT } from '../i18n/useT';
import { errorText } from './errors';

export function useNotify() {
  const { message } = App.useApp();
  const t = useT();
  return useMemo(
    () => ({
      saved: () => message.success(t('common.saved')),
      success: (text: string) => message.success(text),
      error: (error: unknown) => message.error(errorText(error)),
    }),
    [message, t],
  );
}
