import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { HomeFigure, ServiceModule } from '../../app/service-module';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import styles from './home.module.css';

function Figure({ figure }: { figure: HomeFigure }) {
  const { t, formatNumber } = useI18n();
  const { data, isError } = useQuery({
    queryKey: figure.queryKey,
    queryFn: ({ signal }) => figure.load(signal),
    staleTime: 60_000,
  });
  // The line keeps its height while loading, so the cards do not jump when the figure arrives.
  if (isError) return <p className={styles.figureMuted}>{t('home.figureUnavailable')}</p>;
  return (
    <p className={styles.figure}>
      {data === undefined ? '\u00a0' : t(figure.label, { count: formatNumber(data) })}
    </p>
  );
}

/** Each service as a card: what it is, what it offers now, and the first things one does there. */
export function ServiceCards({ modules }: { modules: readonly ServiceModule[] }) {
  const { t } = useI18n();
  return (
    <ul className={styles.cards}>
      {modules.map((m) => {
        const card = m.home;
        if (!card) return null;
        return (
          <Card
            key={m.id}
            as="li"
            icon={<span aria-hidden="true">{card.icon}</span>}
            title={<Link to={card.to}>{t(card.title)}</Link>}
            headingLevel={3}
          >
            <p className={styles.serviceText}>{t(card.description)}</p>
            {card.figure && <Figure figure={card.figure} />}
            {card.actions && card.actions.length > 0 && (
              <ul className={styles.serviceActions} aria-label={t(card.title)}>
                {card.actions.map((a) => (
                  <li key={a.to}>
                    <Link to={a.to}>{t(a.label)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </ul>
  );
}
