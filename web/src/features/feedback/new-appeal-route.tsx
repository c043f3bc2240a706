import type { AppealCreate, SimilarAppeal } from '@contracts/feedback';
import { MAX_APPEAL_PHOTOS, MAX_APPEAL_TEXT } from '@contracts/feedback';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextArea } from '../../ui/text-area';
import { useCategories, useFileAppeal } from './api';
import styles from './feedback.module.css';
import { messages } from './messages';
import { OrganisationPicker } from './organisation-picker';
import { SimilarAppeals } from './similar-appeals';

type Kind = AppealCreate['kind'] & string;
const positiveId = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

/**
 * /feedback/new: a citizen files an appeal or a message. A kindergarten, school, menu or club page links
 * here with `?organisationId=…&category=…` so the organisation and the topic are already filled in.
 */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const categories = useCategories();
  const file = useFileAppeal();
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'message' ? 'message' : 'appeal');
  const [categoryCode, setCategoryCode] = useState(params.get('category') ?? '');
  const [organisationId, setOrganisationId] = useState<number | null>(
    positiveId(params.get('organisationId')),
  );
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [joined, setJoined] = useState<SimilarAppeal | null>(null);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const serverErrors = isApiError(file.error) ? file.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...missing };
  const labels = { categoryCode: m.category, organisationId: m.organisation, text: m.text, kind: m.kind };

  const options =
    categories.data?.groups.flatMap((g) =>
      g.leaves.map((l) => ({
        value: l.code,
        label: locale === 'en' ? l.en : l.ru,
        group: locale === 'en' ? g.en : g.ru,
      })),
    ) ?? [];

  function submit(e: FormEvent) {
    e.preventDefault();
    // Said here in the page's language before the server says it in its own.
    const need: Record<string, string> = {};
    if (!categoryCode) need.categoryCode = m.needCategory;
    if (organisationId === null) need.organisationId = m.needOrganisation;
    if (text.trim() === '') need.text = m.needText;
    setMissing(need);
    if (Object.keys(need).length > 0) return;
    file.mutate(
      {
        body: {
          kind,
          categoryCode,
          organisationId: organisationId!,
          text: text.trim(),
          ...(joined ? { duplicateOfId: joined.id } : {}),
        },
        photos,
      },
      {
        onSuccess: ({ appeal, failed }) =>
          navigate(`/feedback/appeals/${appeal.id}`, {
            state: { registered: true, failedPhotos: failed.map((f) => f.name) },
          }),
      },
    );
  }

  return (
    <div className={styles.page}>
      <PageHeader title={m.newTitle} lead={m.newLead} />
      <Card>
        <form className={styles.stack} onSubmit={submit} noValidate aria-label={m.newTitle}>
          {file.isError && <ProblemAlert error={file.error} fieldLabels={labels} />}
          <fieldset className={styles.choices}>
            <legend>{m.kind}</legend>
            {(['appeal', 'message'] as const).map((k) => (
              <label key={k} className={styles.choice}>
                <input
                  type="radio"
                  name="kind"
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  aria-describedby={`kind-${k}-hint`}
                />
                <span>{m.kinds[k]}</span>
                <small id={`kind-${k}-hint`}>{m.kindHints[k]}</small>
              </label>
            ))}
          </fieldset>
          <Select
            label={m.category}
            hint={m.categoryHint}
            name="categoryCode"
            value={categoryCode}
            onChange={(e) => setCategoryCode(e.target.value)}
            placeholder={m.choose}
            options={options}
            error={errors.categoryCode}
            required
          />
          <OrganisationPicker
            value={organisationId}
            onChange={setOrganisationId}
            error={errors.organisationId}
          />
          <TextArea
            label={m.text}
            hint={m.textHint}
            name="text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={MAX_APPEAL_TEXT}
            rows={6}
            error={errors.text}
            required
          />
          <SimilarAppeals
            categoryCode={categoryCode}
            organisationId={organisationId}
            text={text}
            joined={joined}
            onJoin={setJoined}
          />
          <div className={styles.stack}>
            <label htmlFor="appeal-photos">
              <strong>{m.photos}</strong> <span className={styles.muted}>({m.optional})</span>
            </label>
            <span id="appeal-photos-hint" className={styles.muted}>
              {m.photosHint}
            </span>
            <input
              id="appeal-photos"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              aria-describedby="appeal-photos-hint"
              onChange={(e) => setPhotos([...(e.target.files ?? [])].slice(0, MAX_APPEAL_PHOTOS))}
            />
          </div>
          <div className={styles.row}>
            <Button type="submit" disabled={file.isPending}>
              {file.isPending ? m.sending : m.submit}
            </Button>
            <LinkButton to="/feedback" variant="ghost">
              {m.cancel}
            </LinkButton>
          </div>
        </form>
      </Card>
    </div>
  );
}
