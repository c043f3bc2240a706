import type { DailyMenuView, MenuLine } from '@contracts/meals';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { photoUrl, supplierCardUrl, supplierQrUrl, useSchoolMenus } from './meals-api';
import styles from './meals.module.css';

const fmt = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));

/** A school's menu page: today with photos, allergens and suppliers, the week ahead, the hotline. */
export function SchoolMenuPage() {
  const { t, formatDate } = useI18n();
  const organisationId = Number(useParams().organisationId);
  // `?date=YYYY-MM-DD` shows that day (a link to Monday's menu on a Sunday); today by default.
  const date = useSearchParams()[0].get('date');
  const query = useSchoolMenus(organisationId, date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined);
  const data = query.data;
  if (query.error) return <ProblemAlert error={query.error} title={t('meals.loadFailed')} />;
  if (!data) return <Spinner label={t('meals.title')} />;
  const dayTitle = (date: string) =>
    formatDate(`${date}T12:00:00Z`, { weekday: 'long', day: 'numeric', month: 'long' });
  return (
    <div className={styles.page}>
      <p className={styles.noPrint}>
        <Link to="/meals">← {t('meals.back')}</Link>
      </p>
      <PageHeader
        title={data.school.name}
        lead={data.school.address ?? undefined}
        eyebrow={<Badge tone="info">{t('meals.title')}</Badge>}
      />
      <section className={styles.day} aria-labelledby="meals-today">
        <h2 id="meals-today">{t('meals.today', { date: dayTitle(data.date) })}</h2>
        {data.today ? (
          <DayMenu menu={data.today} withPhotos />
        ) : (
          <EmptyState title={t('meals.noMenuToday')} headingLevel={3} />
        )}
        <p className={styles.facts}>{t('meals.allergensLegend')}</p>
      </section>
      <Card title={t('meals.hotline')}>
        <div className={styles.contacts}>
          {data.school.hotlinePhone && (
            <a href={`tel:${data.school.hotlinePhone.replace(/[^\d+]/g, '')}`}>{data.school.hotlinePhone}</a>
          )}
          <span>{t('meals.cur')}</span>
          <a className={styles.noPrint} href={data.school.foodFolder}>
            {t('meals.foodFolder')}
          </a>
          {/* The feedback service's public URL: the school and the topic come filled in. */}
          <Link
            className={styles.noPrint}
            to={`/feedback/new?organisationId=${data.school.organisationId}&category=education.school_meals`}
          >
            {t('meals.complain')}
          </Link>
        </div>
      </Card>
      <Button
        className={`${styles.printButton} ${styles.noPrint}`}
        variant="outline"
        onClick={() => window.print()}
      >
        {t('meals.print')}
      </Button>
      <section className={`${styles.day} ${styles.noPrint}`} aria-labelledby="meals-week">
        <h2 id="meals-week">{t('meals.week')}</h2>
        {data.week.length === 0 ? (
          <p>{t('meals.noWeek')}</p>
        ) : (
          <div className={styles.week}>
            {data.week.map((m) => (
              <Card key={m.date} title={dayTitle(m.date)} headingLevel={3}>
                <DayMenu menu={m} />
              </Card>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function DayMenu({ menu, withPhotos = false }: { menu: DailyMenuView; withPhotos?: boolean }) {
  const { t } = useI18n();
  const meals = [...new Set(menu.items.map((i) => i.meal))];
  const suppliers = [...new Set(menu.items.flatMap((i) => (i.supplierId === null ? [] : [i.supplierId])))];
  return (
    <div>
      {meals.map((meal) => (
        <div key={meal}>
          <h3 className={styles.meal}>{meal}</h3>
          <ul className={styles.lines}>
            {menu.items
              .filter((i) => i.meal === meal)
              .map((line, n) => (
                <MenuLineItem key={`${meal}-${n}`} line={line} withPhoto={withPhotos} />
              ))}
          </ul>
        </div>
      ))}
      <p className={styles.facts}>
        {t('meals.total', {
          kcal: fmt(menu.totals.kcal),
          protein: fmt(menu.totals.protein),
          fat: fmt(menu.totals.fat),
          carbs: fmt(menu.totals.carbs),
        })}
      </p>
      {withPhotos && suppliers.length > 0 && (
        <div className={styles.supplier}>
          <span>{t('meals.supplier')}:</span>
          {suppliers.map((id) => (
            <a key={id} href={supplierCardUrl(id)}>
              <img className={styles.qr} src={supplierQrUrl(id)} alt={t('meals.supplierQr')} />
            </a>
          ))}
        </div>
      )}
      {menu.norms.ok ? (
        <Badge tone="success">{t('meals.normsOk')}</Badge>
      ) : (
        <Alert tone="warning" title={t('meals.normsDeviations')}>
          <ul className={styles.deviations}>
            {menu.norms.deviations.map((d, i) => (
              <li key={i}>
                {d.message} <span className={styles.facts}>({d.source})</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </div>
  );
}

function MenuLineItem({ line, withPhoto }: { line: MenuLine; withPhoto: boolean }) {
  const { t } = useI18n();
  const photo =
    line.dishId !== null && line.photoIds[0] !== undefined ? photoUrl(line.dishId, line.photoIds[0]) : null;
  return (
    <li className={withPhoto ? styles.line : undefined}>
      {withPhoto &&
        (photo ? (
          <img
            className={styles.photo}
            src={photo}
            alt={`${t('meals.photo')}: ${line.dish}`}
            loading="lazy"
          />
        ) : (
          <span className={styles.photo} aria-hidden="true" />
        ))}
      <div>
        <div className={styles.dish}>{line.dish}</div>
        <div className={styles.facts}>
          {[
            line.section,
            `${t('meals.yield')} ${line.yield_text ?? fmt(line.yield_g)}`,
            `${fmt(line.kcal)} ${t('meals.kcal')}`,
            `${t('meals.pfc')} ${fmt(line.protein)}/${fmt(line.fat)}/${fmt(line.carbs)}`,
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
        {line.allergens.length > 0 && (
          <div className={styles.allergens} aria-label={t('meals.allergens')}>
            {line.allergens.map((a) => (
              <Badge key={a} tone="warning">
                {t(`meals.allergen.${a}` as MessageKey)}
              </Badge>
            ))}
          </div>
        )}
        {withPhoto && line.supplierId !== null && (
          <div className={`${styles.supplier} ${styles.noPrint}`}>
            <a href={supplierCardUrl(line.supplierId)}>{t('meals.supplierLink')}</a>
          </div>
        )}
      </div>
    </li>
  );
}
