import {
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_MEDIA_TYPES,
  type StaffKindergarten,
  type StaffPhoto,
} from '@contracts/kindergarten-catalog';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { TextField } from '../../ui/text-field';
import { messages } from './messages';
import { usePhotoActions } from './photos-api';
import styles from './staff.module.css';

type Messages = (typeof messages)['ru'];

/** A localized headline for a refused upload (the server's status says which rule); null for others. */
function uploadErrorTitle(error: unknown, m: Messages): string | undefined {
  return isApiError(error) ? m.photoErrors[error.status] : undefined;
}

/** The Russian (required) and English captions, the same for a new photo and a stored one. */
function CaptionFields(p: {
  m: Messages;
  altRu: string;
  altEn: string;
  setAltRu: (v: string) => void;
  setAltEn: (v: string) => void;
}) {
  return (
    <>
      <TextField
        label={p.m.photoAltRu}
        value={p.altRu}
        required
        maxLength={300}
        onChange={(e) => p.setAltRu(e.target.value)}
      />
      <TextField
        label={p.m.photoAltEn}
        value={p.altEn}
        maxLength={300}
        onChange={(e) => p.setAltEn(e.target.value)}
      />
    </>
  );
}

function PhotoRow({
  photo,
  count,
  actions,
}: {
  photo: StaffPhoto;
  count: number;
  actions: ReturnType<typeof usePhotoActions>;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const [altRu, setAltRu] = useState(photo.altRu);
  const [altEn, setAltEn] = useState(photo.altEn ?? '');
  const n = photo.position;
  const busy = actions.update.isPending || actions.remove.isPending;
  const save = (e: FormEvent) => {
    e.preventDefault();
    actions.update.mutate({ id: photo.id, altRu, altEn: altEn.trim() || null });
  };
  return (
    <li className={styles.photoRow} data-photo-id={photo.id}>
      <img
        className={styles.photoThumb}
        src={photo.url}
        alt={photo.altRu}
        loading="lazy"
        {...(photo.width && photo.height ? { width: photo.width, height: photo.height } : {})}
      />
      <form className={styles.form} onSubmit={save} aria-label={m.photoN(n)}>
        <p className={styles.muted}>
          {m.photoN(n)} · {photo.mediaType.replace('image/', '').toUpperCase()} ·{' '}
          {m.kilobytes(Math.max(1, Math.round(photo.sizeBytes / 1024)))}
          {photo.width && photo.height ? ` · ${photo.width} × ${photo.height}` : ''}
        </p>
        <CaptionFields m={m} altRu={altRu} altEn={altEn} setAltRu={setAltRu} setAltEn={setAltEn} />
        <div className={styles.photoButtons}>
          <Button type="submit" size="small" variant="outline" disabled={busy} aria-label={m.saveCaption(n)}>
            {m.save}
          </Button>
          <Button
            type="button"
            size="small"
            variant="outline"
            disabled={busy || n === 1}
            aria-label={m.moveUp(n)}
            onClick={() => actions.update.mutate({ id: photo.id, position: n - 1 })}
          >
            ↑
          </Button>
          <Button
            type="button"
            size="small"
            variant="outline"
            disabled={busy || n === count}
            aria-label={m.moveDown(n)}
            onClick={() => actions.update.mutate({ id: photo.id, position: n + 1 })}
          >
            ↓
          </Button>
          <Button
            type="button"
            size="small"
            variant="danger"
            disabled={busy}
            onClick={() => actions.remove.mutate(photo.id)}
          >
            {m.deletePhoto(n)}
          </Button>
        </div>
      </form>
    </li>
  );
}

/** Upload, caption, order and delete the kindergarten's photos (the card's permission). */
export function PhotosEditor({ k }: { k: StaffKindergarten }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const actions = usePhotoActions(k.id);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [altRu, setAltRu] = useState('');
  const [altEn, setAltEn] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const photos = k.uploadedPhotos;
  const full = photos.length >= MAX_PHOTOS;

  useEffect(() => {
    if (!file) return setPreview(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const choose = (chosen: File | null) => {
    actions.upload.reset();
    setLocalError(null);
    setFile(chosen);
    // The server decides by the content; these checks only save a pointless upload.
    if (chosen && chosen.size > MAX_PHOTO_BYTES) setLocalError(m.photoErrors[413]!);
    else if (chosen && chosen.size === 0) setLocalError(m.photoErrors[400]!);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file || localError) return;
    actions.upload.mutate(
      { file, altRu, altEn },
      {
        onSuccess: () => {
          setFile(null);
          setAltRu('');
          setAltEn('');
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  };

  const rowError = actions.update.error ?? actions.remove.error;
  return (
    <Card title={m.photos}>
      <p className={styles.muted}>{m.photosHint(MAX_PHOTOS)}</p>
      {photos.length === 0 ? (
        <p>{m.noPhotos}</p>
      ) : (
        <ol className={styles.photoList}>
          {photos.map((p) => (
            <PhotoRow
              key={`${p.id}-${p.altRu}-${p.altEn ?? ''}`}
              photo={p}
              count={photos.length}
              actions={actions}
            />
          ))}
        </ol>
      )}
      {rowError && <ProblemAlert error={rowError} />}
      {full ? (
        <Alert tone="info">{m.galleryFull(MAX_PHOTOS)}</Alert>
      ) : (
        <form className={styles.form} onSubmit={submit} aria-labelledby="photo-upload-title">
          <h3 id="photo-upload-title" className={styles.photoFormTitle}>
            {m.addPhoto}
          </h3>
          <TextField
            ref={fileInput}
            label={m.photoFile}
            type="file"
            accept={PHOTO_MEDIA_TYPES.join(',')}
            required
            error={localError ?? undefined}
            onChange={(e) => choose(e.target.files?.[0] ?? null)}
          />
          {preview && <img className={styles.photoThumb} src={preview} alt={m.photoPreview} />}
          <CaptionFields m={m} altRu={altRu} altEn={altEn} setAltRu={setAltRu} setAltEn={setAltEn} />
          <div>
            <Button type="submit" disabled={!file || !!localError} loading={actions.upload.isPending}>
              {m.upload}
            </Button>{' '}
            {actions.upload.isSuccess && <span role="status">{m.uploaded}</span>}
          </div>
          {actions.upload.error && (
            <ProblemAlert
              error={actions.upload.error}
              title={uploadErrorTitle(actions.upload.error, m)}
              fieldLabels={{ file: m.photoFile, altRu: m.photoAltRu, altEn: m.photoAltEn }}
            />
          )}
        </form>
      )}
    </Card>
  );
}
