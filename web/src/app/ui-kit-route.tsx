import { useMemo, useState } from 'react';
import { ApiError } from '../api/api-error';
import { Alert } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button, LinkButton } from '../ui/button';
import { Card } from '../ui/card';
import { Checkbox } from '../ui/checkbox';
import { EmptyState } from '../ui/empty-state';
import { DocumentIcon } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { Pagination } from '../ui/pagination';
import { ProblemAlert } from '../ui/problem-alert';
import { Select } from '../ui/select';
import { Skeleton, Spinner } from '../ui/spinner';
import { Table, type SortState } from '../ui/table';
import { Tabs } from '../ui/tabs';
import { TextField } from '../ui/text-field';
import styles from './ui-kit.module.css';

/** Development-only showcase of web/src/ui (route /dev/ui, absent from production builds). */

interface Row {
  id: number;
  name: string;
  district: string;
  free: number;
}

const ROWS: Row[] = Array.from({ length: 23 }, (_, i) => ({
  id: i + 1,
  name: `Детский сад № ${((i * 7) % 40) + 1} «${['Солнышко', 'Ромашка', 'Теремок', 'Берёзка', 'Радуга'][i % 5]}»`,
  district: ['Центральный', 'Заречный', 'Северный'][i % 3]!,
  free: (i * 13) % 17,
}));

const SAMPLE_ERROR = new ApiError(400, {
  type: 'https://open-region.github.io/problems/validation',
  title: 'Bad request',
  status: 400,
  detail: 'Invalid body',
  errors: [{ field: 'body.child.birthDate', message: 'must be a date', expected: 'YYYY-MM-DD' }],
});

export function Component() {
  const [sort, setSort] = useState<SortState>({ columnId: 'name', direction: 'ascending' });
  const [page, setPage] = useState(1);
  const pageSize = 5;
  const sorted = useMemo(() => {
    const rows = [...ROWS].sort((a, b) => {
      const key = sort.columnId as keyof Row;
      const cmp =
        typeof a[key] === 'number'
          ? (a[key] as number) - (b[key] as number)
          : String(a[key]).localeCompare(String(b[key]), 'ru');
      return sort.direction === 'ascending' ? cmp : -cmp;
    });
    return rows;
  }, [sort]);
  const pageRows = sorted.slice((page - 1) * pageSize, page * pageSize);

  return (
    <>
      <PageHeader title="UI kit" lead="Компоненты web/src/ui в одном месте (только в режиме разработки)." />
      <div className={styles.stack}>
        <Card title="Кнопки">
          <div className={styles.row}>
            <Button>Основная</Button>
            <Button variant="secondary">Вторичная</Button>
            <Button variant="outline">Контурная</Button>
            <Button variant="ghost">Текстовая</Button>
            <Button variant="danger">Опасная</Button>
            <Button loading>Сохраняем…</Button>
            <Button disabled>Недоступна</Button>
            <LinkButton to="/queue" variant="secondary">
              Ссылка-кнопка
            </LinkButton>
            <Button size="small">Маленькая</Button>
          </div>
        </Card>
        <Card title="Поля">
          <div className={styles.fields}>
            <TextField label="Фамилия ребёнка" hint="Как в свидетельстве о рождении" />
            <TextField label="Дата рождения" type="date" error="Укажите дату рождения" />
            <Select
              label="Район"
              placeholder="Выберите район"
              options={[
                { value: '1', label: 'Центральный' },
                { value: '2', label: 'Заречный' },
              ]}
            />
            <Checkbox label="Согласен на другие детские сады" hint="Если в выбранных не будет мест" />
          </div>
        </Card>
        <Card title="Сообщения">
          <div className={styles.stackSmall}>
            <Alert tone="info" title="Комплектование начнётся 1 апреля" live="none">
              Направления придут в личный кабинет и на почту.
            </Alert>
            <Alert tone="success" live="none">
              Заявление зарегистрировано.
            </Alert>
            <Alert tone="warning" live="none">
              Срок действия направления истекает через 3 дня.
            </Alert>
            <ProblemAlert error={SAMPLE_ERROR} fieldLabels={{ 'child.birthDate': 'Дата рождения' }} />
            <div className={styles.row}>
              <Badge>Новое</Badge>
              <Badge tone="info">В очереди</Badge>
              <Badge tone="success">Зачислен</Badge>
              <Badge tone="warning">Подтверждение льгот</Badge>
              <Badge tone="danger">Отказано</Badge>
            </div>
          </div>
        </Card>
        <Tabs
          label="Пример вкладок"
          items={[
            {
              id: 'table',
              label: 'Таблица',
              panel: (
                <Table
                  caption="Свободные места"
                  columns={[
                    {
                      id: 'name',
                      header: 'Детский сад',
                      sortable: true,
                      rowHeader: true,
                      cell: (r) => r.name,
                    },
                    { id: 'district', header: 'Район', sortable: true, cell: (r) => r.district },
                    { id: 'free', header: 'Мест', sortable: true, align: 'end', cell: (r) => r.free },
                  ]}
                  rows={pageRows}
                  rowKey={(r) => r.id}
                  sort={sort}
                  onSortChange={setSort}
                  stackOnMobile
                  footer={
                    <Pagination
                      page={page}
                      pageCount={Math.ceil(ROWS.length / pageSize)}
                      onPageChange={setPage}
                    />
                  }
                />
              ),
            },
            {
              id: 'empty',
              label: 'Пустое состояние',
              panel: (
                <EmptyState
                  icon={<DocumentIcon />}
                  title="Заявлений пока нет"
                  text="Подайте первое заявление."
                />
              ),
            },
            {
              id: 'loading',
              label: 'Загрузка',
              panel: (
                <div className={styles.stackSmall}>
                  <Spinner label="Загружаем данные…" />
                  <Skeleton height="1.5em" width="60%" />
                  <Skeleton />
                  <Skeleton width="80%" />
                </div>
              ),
            },
          ]}
        />
      </div>
    </>
  );
}
