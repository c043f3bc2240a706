export const messages = {
  ru: {
    moreDemoLogins: 'Остальные демо-входы ({count}): другие детские сады и муниципалитеты',
  },
  en: {
    moreDemoLogins: 'More demo sign-ins ({count}): other kindergartens and municipalities',
  },
};
