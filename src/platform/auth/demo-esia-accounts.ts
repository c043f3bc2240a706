/**
 * Citizens known to the embedded demo OpenID provider (standing in for ЕСИА/Госуслуги).
 * The demo seed gives some of them applications so a newcomer sees a real account.
 */
export interface DemoEsiaAccount {
  sub: string;
  lastName: string;
  firstName: string;
  middleName: string;
  email: string;
  phone: string;
  birthdate: string;
  description: string;
  /** ЕСИА's «подтверждённая учётная запись» (`trusted`); true unless said otherwise. */
  confirmed?: boolean;
  /** The subject code of the registration address; by default spread over the subjects by population. */
  registrationRegion?: string;
  /** The children ЕСИА knows for this citizen (its REST resource `/rs/prns/{oid}/kids`, kid_* scopes). */
  children?: readonly EsiaKid[];
}

/**
 * A child as ЕСИА's REST API returns it (`GET /rs/prns/{oid}/kids?embed=(elements.documents)`): birth
 * date DD.MM.YYYY, gender M/F, and the documents collection holding the birth certificate
 * (`RF_BRTH_CERT`: series and number).
 */
export interface EsiaKid {
  id: number;
  lastName: string;
  firstName: string;
  middleName?: string;
  birthDate: string;
  gender: 'M' | 'F';
  snils?: string;
  documents: {
    size: number;
    elements: readonly {
      type: string;
      series: string;
      number: string;
      issueDate?: string;
      vrfStu?: string;
    }[];
  };
}

function birthCertificate(series: string, number: string, issueDate: string) {
  return { size: 1, elements: [{ type: 'RF_BRTH_CERT', series, number, issueDate, vrfStu: 'VERIFIED' }] };
}

export const DEMO_ESIA_ACCOUNTS: readonly DemoEsiaAccount[] = [
  {
    sub: 'esia-1000001',
    lastName: 'Смирнова',
    firstName: 'Анна',
    middleName: 'Сергеевна',
    email: 'anna.smirnova@example.ru',
    phone: '+7 900 100-00-01',
    birthdate: '1993-04-12',
    description: 'мама, заявление в очереди',
  },
  {
    sub: 'esia-1000002',
    lastName: 'Кузнецов',
    firstName: 'Дмитрий',
    middleName: 'Игоревич',
    email: 'd.kuznetsov@example.ru',
    phone: '+7 900 100-00-02',
    birthdate: '1989-11-03',
    description: 'папа, заявление с льготой на проверке',
  },
  {
    sub: 'esia-1000003',
    lastName: 'Попова',
    firstName: 'Екатерина',
    middleName: 'Андреевна',
    email: 'e.popova@example.ru',
    phone: '+7 900 100-00-03',
    birthdate: '1995-07-21',
    description: 'мама, ребёнок уже ходит в детский сад',
  },
  {
    sub: 'esia-1000004',
    lastName: 'Васильев',
    firstName: 'Артём',
    middleName: 'Олегович',
    email: 'a.vasiliev@example.ru',
    phone: '+7 900 100-00-04',
    birthdate: '1991-01-30',
    description: 'папа, двое детей в Госуслугах, заявлений пока нет',
    children: [
      {
        id: 2000041,
        lastName: 'Васильева',
        firstName: 'Алиса',
        middleName: 'Артёмовна',
        birthDate: '14.05.2016',
        gender: 'F',
        snils: '112-233-445 95',
        documents: birthCertificate('II-ИР', '512345', '20.05.2016'),
      },
      {
        id: 2000042,
        lastName: 'Васильев',
        firstName: 'Тимофей',
        middleName: 'Артёмович',
        birthDate: '03.02.2022',
        gender: 'M',
        documents: birthCertificate('III-ИР', '623456', '10.02.2022'),
      },
    ],
  },
];
