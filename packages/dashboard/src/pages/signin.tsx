import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { signInWithPassword, signInWithToken, type Me } from '../api.ts';
import { t } from '../i18n.ts';
import { Field } from '../ui.tsx';

export function SignIn({ onSignedIn, langToggle }: { onSignedIn: (m: Me) => void; langToggle: ComponentChildren }) {
  const [mode, setMode] = useState<'account' | 'token'>('account');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    setBusy(true);
    setError('');
    try {
      onSignedIn(mode === 'account' ? await signInWithPassword(String(f.get('email')), String(f.get('password'))) : await signInWithToken(String(f.get('token'))));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <div class="card">
        <div class="page-head">
          <h1 id="page-title">Hark · {t('signIn')}</h1>
          {langToggle}
        </div>
        <div class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'account'} onClick={() => setMode('account')}>{t('withAccount')}</button>
          <button type="button" role="tab" aria-selected={mode === 'token'} onClick={() => setMode('token')}>{t('withToken')}</button>
        </div>
        <form onSubmit={submit} aria-describedby={error ? 'signin-error' : undefined}>
          {mode === 'account' ? (
            <>
              <Field label={t('email')}><input name="email" type="email" autocomplete="username" required /></Field>
              <Field label={t('password')}><input name="password" type="password" autocomplete="current-password" required /></Field>
            </>
          ) : (
            <Field label={t('token')}><input name="token" type="password" autocomplete="off" required /></Field>
          )}
          {error ? <p id="signin-error" class="error" role="alert">{t('signInFailed')}: {error}</p> : null}
          <button type="submit" class="primary" disabled={busy}>{t('signIn')}</button>
        </form>
      </div>
    </main>
  );
}
