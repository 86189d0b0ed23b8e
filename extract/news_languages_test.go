package extract

import (
	"strings"
	"testing"
)

// newsPage is a local news story in one language with the chrome such a
// page carries, in the order a page shows it: breadcrumb, byline, date
// line, photo with a credit, an inline "read also" teaser, an ad label,
// share links, a box of stories on the same subject, readers' comments, a
// link home and a newsletter sign-up. leaks are words of that chrome that
// must not come out.
type newsPage struct {
	lang, headline string
	story          []string
	chrome         [11]string
	leaks          []string
}

var newsPages = []newsPage{
	{
		lang: "de", headline: "Alte Brücke wird für Autos gesperrt",
		story: []string{
			"Der Stadtrat hat am Dienstag beschlossen, die alte Brücke ab dem nächsten Frühjahr für Autos zu sperren, nachdem Ingenieure festgestellt hatten, dass der Stahlrahmen schneller rostet als erwartet.",
			"Busse und Fahrräder dürfen die Brücke weiterhin nutzen, und die Stadt verspricht, dass flussabwärts innerhalb von drei Jahren eine neue Querung entsteht, bezahlt aus dem Regionalfonds.",
			"Die Geschäftsleute am Ostufer fürchten, Kundschaft zu verlieren, und eine Petition gegen die Sperrung hat in einer Woche mehr als viertausend Unterschriften gesammelt.",
			"Der Bürgermeister sagte, die Entscheidung sei schwer gewesen, aber die Sicherheit gehe vor, und versprach kostenloses Parken nahe der Brücke für die ersten sechs Monate.",
			"Die Opposition kündigte an, die Pläne im Ausschuss noch einmal prüfen zu lassen, und verlangte ein unabhängiges Gutachten über den Zustand der übrigen Brücken der Stadt.",
		},
		chrome: [11]string{
			`<div><a href="/">Startseite</a> › <a href="/lokales">Lokales</a> › <a href="/lokales/stadt">Stadt</a></div>`,
			`<p>Von Anna Muster</p>`,
			`<p>06.12.2016, 14:30 Uhr</p>`,
			`<figure><img src="/b.jpg"><figcaption>Die alte Brücke. Foto: dpa/Michael Kappeler</figcaption></figure>`,
			`<p><strong>Lesen Sie auch:</strong> <a href="/x">Neue Radwege am Fluss sollen bis zum Sommer fertig werden</a></p>`,
			`<div><span>Anzeige</span></div>`,
			`<div><p>Artikel teilen:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">E-Mail</a></div>`,
			`<div><h3>Mehr zum Thema</h3><ul><li><a href="/a">Regionalfonds: Wohin das Geld fließt</a></li><li><a href="/b">Innenstadt: Händler klagen über Mieten</a></li></ul></div>`,
			`<div><h3>Kommentare (3)</h3><div><p><b>Klaus M.</b> schrieb am 06.12.2016: Das hätte man schon vor zehn Jahren machen müssen, jetzt zahlen wieder die Anwohner.</p></div><div><p><b>Petra</b> schrieb: Endlich, die Brücke ist seit Jahren eine Gefahr für alle.</p></div></div>`,
			`<p><a href="/">Zur Startseite</a></p>`,
			`<div><p>Newsletter abonnieren: Die wichtigsten Nachrichten aus der Stadt jeden Morgen in Ihrem Postfach. Mit der Anmeldung stimmen Sie unseren Datenschutzbestimmungen zu.</p></div>`,
		},
		leaks: []string{"Startseite", "Anna Muster", "14:30", "Lesen Sie auch", "Anzeige", "teilen", "Facebook", "Mehr zum Thema", "Regionalfonds: Wohin", "Kommentare", "Klaus M.", "Petra", "Newsletter", "dpa"},
	},
	{
		lang: "fr", headline: "Le vieux pont fermé aux voitures",
		story: []string{
			"Le conseil municipal a voté mardi la fermeture du vieux pont aux voitures à partir du printemps prochain, après que des ingénieurs ont constaté que sa structure d'acier rouillait plus vite que prévu.",
			"Les bus et les vélos pourront toujours traverser, et la ville promet qu'un nouveau passage en aval ouvrira d'ici trois ans, financé par le fonds régional.",
			"Les commerçants de la rive est craignent de perdre des clients, et une pétition contre la fermeture a recueilli plus de quatre mille signatures en une semaine.",
			"Le maire a déclaré que la décision avait été difficile mais que la sécurité passait avant tout, et a promis un stationnement gratuit près du pont pendant six mois.",
			"L'opposition a annoncé qu'elle demanderait un nouvel examen du projet en commission, ainsi qu'une expertise indépendante de l'état des autres ponts de la ville.",
		},
		chrome: [11]string{
			`<div><a href="/">Accueil</a> › <a href="/local">Local</a> › <a href="/local/ville">Ville</a></div>`,
			`<p>Par Jeanne Martin</p>`,
			`<p>Publié le 6 décembre 2016 à 14h30</p>`,
			`<figure><img src="/b.jpg"><figcaption>Le vieux pont. Photo : AFP/Pierre Durand</figcaption></figure>`,
			`<p><strong>Lire aussi :</strong> <a href="/x">De nouvelles pistes cyclables le long du fleuve d'ici l'été</a></p>`,
			`<div><span>Publicité</span></div>`,
			`<div><p>Partager :</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">E-mail</a></div>`,
			`<div><h3>Sur le même sujet</h3><ul><li><a href="/a">Fonds régional : où ira l'argent</a></li><li><a href="/b">Centre-ville : les commerçants se plaignent des loyers</a></li></ul></div>`,
			`<div><h3>Commentaires (3)</h3><div><p><b>Jean-Pierre</b> a écrit le 06/12/2016 : Il fallait le faire il y a dix ans, et ce sont encore les habitants qui paient.</p></div><div><p><b>Marie</b> a écrit : Enfin, ce pont est dangereux depuis des années pour tout le monde.</p></div></div>`,
			`<p><a href="/">Retour à l'accueil</a></p>`,
			`<div><p>Inscrivez-vous à notre newsletter : l'essentiel de l'actualité de la ville chaque matin dans votre boîte mail. Vos données personnelles sont traitées selon notre politique de confidentialité.</p></div>`,
		},
		leaks: []string{"Accueil", "Jeanne Martin", "14h30", "Lire aussi", "Publicité", "Partager", "Facebook", "même sujet", "Fonds régional : où", "Commentaires", "Jean-Pierre", "Marie", "newsletter", "AFP"},
	},
	{
		lang: "es", headline: "El viejo puente, cerrado a los coches",
		story: []string{
			"El ayuntamiento votó el martes cerrar el viejo puente a los coches a partir de la próxima primavera, después de que los ingenieros descubrieran que su estructura de acero se oxidaba más rápido de lo previsto.",
			"Los autobuses y las bicicletas podrán seguir cruzando, y la ciudad promete que un nuevo paso río abajo abrirá en tres años, financiado por el fondo regional.",
			"Los comerciantes de la orilla este temen perder clientes, y una petición contra el cierre ha reunido más de cuatro mil firmas en una semana.",
			"El alcalde dijo que la decisión fue difícil pero que la seguridad es lo primero, y prometió aparcamiento gratuito cerca del puente durante los primeros seis meses.",
			"La oposición anunció que pedirá revisar el proyecto en comisión y un informe independiente sobre el estado de los demás puentes de la ciudad.",
		},
		chrome: [11]string{
			`<div><a href="/">Inicio</a> › <a href="/local">Local</a> › <a href="/local/ciudad">Ciudad</a></div>`,
			`<p>Por Lucía García</p>`,
			`<p>6 de diciembre de 2016, 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>El viejo puente. Foto: EFE/Juan Pérez</figcaption></figure>`,
			`<p><strong>Lee también:</strong> <a href="/x">Nuevos carriles bici junto al río estarán listos en verano</a></p>`,
			`<div><span>Publicidad</span></div>`,
			`<div><p>Compartir en:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">Correo</a></div>`,
			`<div><h3>Noticias relacionadas</h3><ul><li><a href="/a">Fondo regional: adónde irá el dinero</a></li><li><a href="/b">Centro: los comerciantes se quejan de los alquileres</a></li></ul></div>`,
			`<div><h3>Comentarios (3)</h3><div><p><b>Manuel</b> escribió el 06/12/2016: Esto se debió hacer hace diez años, y ahora pagan otra vez los vecinos.</p></div><div><p><b>Lucía</b> escribió: Por fin, el puente lleva años siendo un peligro para todos.</p></div></div>`,
			`<p><a href="/">Volver a la portada</a></p>`,
			`<div><p>Suscríbete a nuestro boletín: las noticias más importantes de la ciudad cada mañana en tu correo. Tratamos tus datos personales según nuestra política de privacidad.</p></div>`,
		},
		leaks: []string{"Inicio", "Lucía García", "14:30", "Lee también", "Publicidad", "Compartir", "Facebook", "relacionadas", "Fondo regional: adónde", "Comentarios", "Manuel", "boletín", "EFE"},
	},
	{
		lang: "ru", headline: "Старый мост закроют для машин",
		story: []string{
			"Городской совет во вторник проголосовал за закрытие старого моста для автомобилей со следующей весны, после того как инженеры обнаружили, что его стальная конструкция ржавеет быстрее, чем ожидалось.",
			"Автобусы и велосипеды по-прежнему смогут проезжать по мосту, а город обещает, что новый переход ниже по течению откроется в течение трёх лет за счёт регионального фонда.",
			"Владельцы магазинов на восточном берегу опасаются потерять покупателей, и петиция против закрытия за неделю собрала более четырёх тысяч подписей.",
			"Мэр заявил, что решение было трудным, но безопасность важнее, и пообещал бесплатную парковку возле моста в течение первых шести месяцев.",
			"Оппозиция объявила, что потребует повторно рассмотреть проект в комиссии и провести независимую экспертизу состояния остальных мостов города.",
		},
		chrome: [11]string{
			`<div><a href="/">Главная</a> › <a href="/city">Город</a> › <a href="/city/news">Новости</a></div>`,
			`<p>Автор: Анна Иванова</p>`,
			`<p>6 декабря 2016, 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>Старый мост. Фото: ТАСС/Иван Петров</figcaption></figure>`,
			`<p><strong>Читайте также:</strong> <a href="/x">Новые велодорожки вдоль реки будут готовы к лету</a></p>`,
			`<div><span>Реклама</span></div>`,
			`<div><p>Поделиться:</p><a href="https://vk.com/share">ВКонтакте</a> <a href="https://t.me/share">Telegram</a> <a href="mailto:x">Почта</a></div>`,
			`<div><h3>Похожие статьи</h3><ul><li><a href="/a">Региональный фонд: куда пойдут деньги</a></li><li><a href="/b">Центр города: торговцы жалуются на аренду</a></li></ul></div>`,
			`<div><h3>Комментарии (3)</h3><div><p><b>Сергей</b> пишет 06.12.2016: Это надо было сделать ещё десять лет назад, а платить опять будут жители.</p></div><div><p><b>Ольга</b> пишет: Наконец-то, мост уже много лет опасен для всех.</p></div></div>`,
			`<p><a href="/">На главную</a></p>`,
			`<div><p>Подпишитесь на рассылку: главные новости города каждое утро в вашей почте. Подписываясь, вы даёте согласие на обработку данных в соответствии с политикой конфиденциальности.</p></div>`,
		},
		leaks: []string{"Главная", "Анна Иванова", "14:30", "Читайте также", "Реклама", "Поделиться", "ВКонтакте", "Похожие", "Региональный фонд: куда", "Комментарии", "Сергей", "Ольга", "рассылку", "ТАСС"},
	},
	{
		lang: "zh", headline: "老桥明年春天起禁止汽车通行",
		story: []string{
			"市议会周二投票决定，从明年春天起禁止汽车通过这座老桥，此前工程师发现桥的钢结构生锈速度比预期更快，存在安全隐患。",
			"公交车和自行车仍可通行，市政府承诺将在三年内于下游建成一座新桥，资金来自地区发展基金，工程将于明年年初开工。",
			"东岸的商户担心会失去顾客，一份反对封桥的请愿书在一周内已经征集到四千多个签名，商户们希望政府重新考虑这一决定。",
			"市长表示，这一决定很艰难，但安全必须放在首位，并承诺在封桥后的前六个月内在桥附近提供免费停车位，以减少对商户的影响。",
			"反对派表示将要求在委员会中重新审议该计划，并要求对全市其他桥梁的状况进行独立评估，以确保市民出行安全。",
		},
		chrome: [11]string{
			`<div><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; <a href="/news/local">本地</a></div>`,
			`<p>记者 张伟</p>`,
			`<p>2016年12月06日 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>老桥。图片来源：新华社</figcaption></figure>`,
			`<p><strong>相关阅读：</strong><a href="/x">沿河新建自行车道将于今年夏天完工</a></p>`,
			`<div><span>广告</span></div>`,
			`<div><p>分享到：</p><a href="https://weibo.com/share">微博</a> <a href="https://wx.qq.com/share">微信</a> <a href="https://qzone.qq.com/share">QQ空间</a></div>`,
			`<div><h3>相关新闻</h3><ul><li><a href="/a">地区基金：明年的钱将用在哪里</a></li><li><a href="/b">市中心商户抱怨租金过高生意难做</a></li></ul></div>`,
			`<div><h3>评论（3）</h3><div><p><b>老王</b>：这件事十年前就应该做了，现在又要让居民来买单，真是让人生气。</p></div><div><p><b>小李</b>：终于封桥了，这座桥多年来对每个过桥的人都是危险。</p></div></div>`,
			`<p><a href="/">返回首页</a></p>`,
			`<div><p>版权所有，未经授权不得转载。</p></div>`,
		},
		leaks: []string{"首页", "张伟", "14:30", "相关阅读", "广告", "分享到", "微博", "相关新闻", "地区基金", "评论", "老王", "小李", "版权所有", "新华社"},
	},
	{
		lang: "ja", headline: "老朽化した橋、来春から車両通行止めに",
		story: []string{
			"市議会は6日、老朽化した橋を来年の春から車両通行止めにすることを決めた。技術者の調査で、鋼材のさびが想定より早く進んでいることが分かったためだ。",
			"バスと自転車は引き続き通行できる。市は地域基金を使い、3年以内に下流に新しい橋を架けると約束した。工事は来年初めに始まる予定だという。",
			"東岸の商店主らは客足が遠のくことを心配しており、通行止めに反対する署名は1週間で4千人分を超えた。商店主らは市に決定の見直しを求めている。",
			"市長は「難しい判断だったが、安全を最優先にした」と述べ、通行止めから半年間は橋の近くに無料の駐車場を用意すると約束した。",
			"野党は委員会で計画を改めて審議するよう求めるとともに、市内のほかの橋についても独立した調査を行うよう要求した。",
		},
		chrome: [11]string{
			`<div><a href="/">ホーム</a> &gt; <a href="/news">ニュース</a> &gt; <a href="/news/local">地域</a></div>`,
			`<p>記者：山田太郎</p>`,
			`<p>2016年12月6日 14時30分</p>`,
			`<figure><img src="/b.jpg"><figcaption>老朽化した橋。写真：共同通信</figcaption></figure>`,
			`<p><strong>関連記事：</strong><a href="/x">川沿いの新しい自転車道、夏までに完成へ</a></p>`,
			`<div><span>広告</span></div>`,
			`<div><p>シェアする</p><a href="https://twitter.com/share">X</a> <a href="https://line.me/share">LINE</a> <a href="https://facebook.com/share">Facebook</a></div>`,
			`<div><h3>関連ニュース</h3><ul><li><a href="/a">地域基金、来年の使い道は</a></li><li><a href="/b">中心街の商店、高い家賃に悲鳴</a></li></ul></div>`,
			`<div><h3>コメント（3）</h3><div><p><b>田中</b>：10年前にやるべきだった。結局また住民が負担することになる。</p></div><div><p><b>佐藤</b>：やっとですね。この橋は何年も前から危なかった。</p></div></div>`,
			`<p><a href="/">トップページへ戻る</a></p>`,
			`<div><p>無断転載を禁じます。</p></div>`,
		},
		leaks: []string{"ホーム", "山田太郎", "14時30分", "関連記事", "広告", "シェア", "LINE", "関連ニュース", "来年の使い道", "コメント", "田中", "佐藤", "無断転載", "共同通信"},
	},
	{
		lang: "it", headline: "Il vecchio ponte chiuso alle auto",
		story: []string{
			"Il consiglio comunale ha votato martedì la chiusura del vecchio ponte alle auto a partire dalla prossima primavera, dopo che i tecnici hanno scoperto che la struttura in acciaio si arrugginisce più in fretta del previsto.",
			"Autobus e biciclette potranno continuare ad attraversarlo, e il comune promette che un nuovo passaggio a valle aprirà entro tre anni, finanziato dal fondo regionale.",
			"I commercianti della riva est temono di perdere clienti, e una petizione contro la chiusura ha raccolto più di quattromila firme in una settimana.",
			"Il sindaco ha detto che la decisione è stata difficile ma che la sicurezza viene prima di tutto, e ha promesso parcheggi gratuiti vicino al ponte per i primi sei mesi.",
			"L'opposizione ha annunciato che chiederà di riesaminare il progetto in commissione e una perizia indipendente sullo stato degli altri ponti della città.",
		},
		chrome: [11]string{
			`<div><a href="/">Home</a> › <a href="/cronaca">Cronaca</a> › <a href="/cronaca/citta">Città</a></div>`,
			`<p>di Giulia Rossi</p>`,
			`<p>6 dicembre 2016, 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>Il vecchio ponte. Foto: ANSA/Marco Bianchi</figcaption></figure>`,
			`<p><strong>Leggi anche:</strong> <a href="/x">Nuove piste ciclabili lungo il fiume pronte per l'estate</a></p>`,
			`<div><span>Pubblicità</span></div>`,
			`<div><p>Condividi:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">Email</a></div>`,
			`<div><h3>Articoli correlati</h3><ul><li><a href="/a">Fondo regionale: dove andranno i soldi</a></li><li><a href="/b">Centro: i negozianti si lamentano degli affitti</a></li></ul></div>`,
			`<div><h3>Commenti (3)</h3><div><p><b>Marco</b> ha scritto il 06/12/2016: Andava fatto dieci anni fa, e ora pagano di nuovo i residenti.</p></div><div><p><b>Chiara</b> ha scritto: Finalmente, il ponte è pericoloso da anni per tutti.</p></div></div>`,
			`<p><a href="/">Torna alla home</a></p>`,
			`<div><p>Iscriviti alla newsletter: le notizie più importanti della città ogni mattina nella tua casella. Leggi l'informativa sulla privacy e dai il tuo consenso al trattamento dei dati.</p></div>`,
		},
		leaks: []string{"Cronaca", "Giulia Rossi", "14:30", "Leggi anche", "Pubblicità", "Condividi", "Facebook", "correlati", "dove andranno", "Commenti", "Marco", "Chiara", "newsletter", "ANSA"},
	},
	{
		lang: "pt", headline: "Ponte antiga fechada aos carros",
		story: []string{
			"A câmara municipal votou na terça-feira o encerramento da ponte antiga ao trânsito automóvel a partir da próxima primavera, depois de os engenheiros descobrirem que a estrutura de aço enferruja mais depressa do que o previsto.",
			"Os autocarros e as bicicletas vão continuar a poder atravessar, e a câmara promete que uma nova travessia a jusante abrirá dentro de três anos, paga pelo fundo regional.",
			"Os comerciantes da margem leste temem perder clientes, e uma petição contra o encerramento reuniu mais de quatro mil assinaturas numa semana.",
			"O presidente da câmara disse que a decisão foi difícil mas que a segurança está em primeiro lugar, e prometeu estacionamento gratuito junto à ponte durante os primeiros seis meses.",
			"A oposição anunciou que vai pedir que o projeto seja reavaliado em comissão e uma peritagem independente ao estado das outras pontes da cidade.",
		},
		chrome: [11]string{
			`<div><a href="/">Início</a> › <a href="/local">Local</a> › <a href="/local/cidade">Cidade</a></div>`,
			`<p>Por Ana Silva</p>`,
			`<p>6 de dezembro de 2016, 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>A ponte antiga. Foto: Lusa/João Costa</figcaption></figure>`,
			`<p><strong>Leia também:</strong> <a href="/x">Novas ciclovias junto ao rio prontas no verão</a></p>`,
			`<div><span>Publicidade</span></div>`,
			`<div><p>Compartilhe:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">Email</a></div>`,
			`<div><h3>Notícias relacionadas</h3><ul><li><a href="/a">Fundo regional: para onde vai o dinheiro</a></li><li><a href="/b">Centro: comerciantes queixam-se das rendas</a></li></ul></div>`,
			`<div><h3>Comentários (3)</h3><div><p><b>Rui</b> escreveu em 06/12/2016: Isto devia ter sido feito há dez anos, e agora pagam outra vez os moradores.</p></div><div><p><b>Marta</b> escreveu: Finalmente, a ponte é perigosa há anos para todos.</p></div></div>`,
			`<p><a href="/">Voltar à página inicial</a></p>`,
			`<div><p>Assine a nossa newsletter: as notícias mais importantes da cidade todas as manhãs no seu email. Consulte a nossa política de privacidade; os seus dados são tratados com o seu consentimento.</p></div>`,
		},
		leaks: []string{"Início", "Ana Silva", "14:30", "Leia também", "Publicidade", "Compartilhe", "Facebook", "relacionadas", "para onde vai", "Comentários", "Rui", "Marta", "newsletter", "Lusa"},
	},
	{
		lang: "pl", headline: "Stary most zamknięty dla samochodów",
		story: []string{
			"Rada miasta zagłosowała we wtorek za zamknięciem starego mostu dla samochodów od przyszłej wiosny, po tym jak inżynierowie odkryli, że jego stalowa konstrukcja rdzewieje szybciej, niż się spodziewano.",
			"Autobusy i rowery nadal będą mogły przejeżdżać, a miasto obiecuje, że nowa przeprawa w dole rzeki zostanie otwarta w ciągu trzech lat, sfinansowana z funduszu regionalnego.",
			"Kupcy ze wschodniego brzegu obawiają się utraty klientów, a petycja przeciwko zamknięciu zebrała w tydzień ponad cztery tysiące podpisów.",
			"Burmistrz powiedział, że decyzja była trudna, ale bezpieczeństwo jest najważniejsze, i obiecał bezpłatny parking przy moście przez pierwsze sześć miesięcy.",
			"Opozycja zapowiedziała, że zażąda ponownego rozpatrzenia projektu w komisji oraz niezależnej ekspertyzy stanu pozostałych mostów w mieście.",
		},
		chrome: [11]string{
			`<div><a href="/">Strona główna</a> › <a href="/wiadomosci">Wiadomości</a> › <a href="/wiadomosci/miasto">Miasto</a></div>`,
			`<p>Autor: Anna Kowalska</p>`,
			`<p>6 grudnia 2016, 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>Stary most. Fot. PAP/Jan Nowak</figcaption></figure>`,
			`<p><strong>Czytaj także:</strong> <a href="/x">Nowe ścieżki rowerowe nad rzeką gotowe na lato</a></p>`,
			`<div><span>Reklama</span></div>`,
			`<div><p>Udostępnij:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">E-mail</a></div>`,
			`<div><h3>Podobne artykuły</h3><ul><li><a href="/a">Fundusz regionalny: na co pójdą pieniądze</a></li><li><a href="/b">Centrum: kupcy skarżą się na czynsze</a></li></ul></div>`,
			`<div><h3>Komentarze (3)</h3><div><p><b>Piotr</b> napisał 06.12.2016: Trzeba było to zrobić dziesięć lat temu, a teraz znowu płacą mieszkańcy.</p></div><div><p><b>Kasia</b> napisała: Nareszcie, ten most od lat jest niebezpieczny dla wszystkich.</p></div></div>`,
			`<p><a href="/">Wróć na stronę główną</a></p>`,
			`<div><p>Zapisz się do newslettera: najważniejsze wiadomości z miasta każdego ranka na Twoją skrzynkę. Zapoznaj się z polityką prywatności; Twoje dane przetwarzamy za Twoją zgodą.</p></div>`,
		},
		leaks: []string{"Strona główna", "Anna Kowalska", "14:30", "Czytaj także", "Reklama", "Udostępnij", "Facebook", "Podobne", "na co pójdą", "Komentarze", "Piotr", "Kasia", "newslettera", "PAP"},
	},
	{
		lang: "tr", headline: "Eski köprü araç trafiğine kapatılıyor",
		story: []string{
			"Belediye meclisi salı günü, mühendislerin çelik yapının beklenenden hızlı paslandığını tespit etmesinin ardından eski köprünün önümüzdeki bahardan itibaren araç trafiğine kapatılmasına karar verdi.",
			"Otobüsler ve bisikletler köprüyü kullanmaya devam edebilecek; belediye, bölgesel fondan karşılanacak yeni bir geçişin üç yıl içinde nehrin aşağısında açılacağını söylüyor.",
			"Doğu yakasındaki esnaf müşteri kaybetmekten endişe ediyor ve kapatmaya karşı başlatılan imza kampanyası bir haftada dört binden fazla imza topladı.",
			"Belediye başkanı kararın zor olduğunu ancak güvenliğin her şeyden önce geldiğini söyledi ve ilk altı ay boyunca köprü yakınında ücretsiz otopark sözü verdi.",
			"Muhalefet, projenin komisyonda yeniden görüşülmesini ve kentteki diğer köprülerin durumu hakkında bağımsız bir inceleme yapılmasını talep edeceğini açıkladı.",
		},
		chrome: [11]string{
			`<div><a href="/">Ana Sayfa</a> › <a href="/gundem">Gündem</a> › <a href="/gundem/sehir">Şehir</a></div>`,
			`<p>Ayşe Yılmaz</p>`,
			`<p>6 Aralık 2016, 14:30</p>`,
			`<figure><img src="/b.jpg"><figcaption>Eski köprü. Fotoğraf: AA/Mehmet Demir</figcaption></figure>`,
			`<p><strong>İlgili Haberler:</strong> <a href="/x">Nehir kenarındaki yeni bisiklet yolları yaza hazır</a></p>`,
			`<div><span>Reklam</span></div>`,
			`<div><p>Paylaş:</p><a href="https://facebook.com/x">Facebook</a> <a href="https://twitter.com/x">Twitter</a> <a href="mailto:x">E-posta</a></div>`,
			`<div><h3>Benzer Haberler</h3><ul><li><a href="/a">Bölgesel fon: para nereye gidecek</a></li><li><a href="/b">Merkez: esnaf kiralardan şikayetçi</a></li></ul></div>`,
			`<div><h3>Yorumlar (3)</h3><div><p><b>Ahmet</b> yazdı, 06.12.2016: Bu on yıl önce yapılmalıydı, şimdi yine faturayı mahalleli ödüyor.</p></div><div><p><b>Zeynep</b> yazdı: Nihayet, bu köprü yıllardır herkes için tehlikeli.</p></div></div>`,
			`<p><a href="/">Ana sayfaya dön</a></p>`,
			`<div><p>Tüm hakları saklıdır. İzinsiz kullanılamaz.</p></div>`,
		},
		leaks: []string{"Gündem", "Ayşe Yılmaz", "14:30", "İlgili Haberler", "Reklam", "Paylaş", "Facebook", "Benzer Haberler", "para nereye", "Yorumlar", "Ahmet", "Zeynep", "haklar", "AA/"},
	},
}

// TestNewsPageLanguages builds each newsPage in three layouts without
// class names. Every paragraph must come out and none of the chrome.
func TestNewsPageLanguages(t *testing.T) {
	for _, np := range newsPages {
		story, chrome, leaks := np.story, np.chrome, np.leaks
		layouts := map[string]func() string{
			"flat": func() string {
				return `<div>` + chrome[0] + `<h1>` + np.headline + `</h1>` + chrome[1] + chrome[2] + chrome[3] +
					paragraphsHTML(story[:2]) + chrome[4] + chrome[5] + paragraphsHTML(story[2:]) + chrome[6] + chrome[7] + chrome[8] + chrome[9] + chrome[10] + `</div>`
			},
			"article": func() string {
				return chrome[0] + `<article><header><h1>` + np.headline + `</h1>` + chrome[1] + chrome[2] + `</header>` + chrome[3] +
					`<div>` + paragraphsHTML(story[:2]) + chrome[4] + chrome[5] + paragraphsHTML(story[2:]) + `</div>` + chrome[6] + `</article>` + chrome[7] + chrome[8] + chrome[9] + chrome[10]
			},
			"nested": func() string {
				return `<div><div>` + chrome[0] + `</div><div><div><h1>` + np.headline + `</h1><div>` + chrome[1] + chrome[2] + `</div></div><div>` + chrome[3] +
					`<div><div>` + paragraphsHTML(story[:2]) + `</div>` + chrome[4] + `<div>` + chrome[5] + `</div><div>` + paragraphsHTML(story[2:]) + `</div></div>` + chrome[6] + `<div>` + chrome[7] + `</div><div>` + chrome[8] + `</div>` + chrome[9] + `</div>` + chrome[10] + `</div></div>`
			},
		}
		for name, l := range layouts {
			page := `<html lang="` + np.lang + `"><body><nav><a href="/">Home</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>` + l() + `<footer><p>© 2016 Stadtzeitung. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a></footer></body></html>`
			got := extractText(t, []byte(page), "https://www.stadtzeitung.de/lokales/stadt/bruecke-gesperrt-123.html")
			miss := 0
			for _, p := range story {
				if !strings.Contains(got, p) {
					miss++
				}
			}
			var leaked []string
			for _, l := range leaks {
				if strings.Contains(got, l) {
					leaked = append(leaked, l)
				}
			}
			if miss > 0 || len(leaked) > 0 {
				t.Errorf("%s/%s: %d paragraphs missing, chrome kept %q:\n%s", np.lang, name, miss, leaked, got)
			}
		}
	}
}
