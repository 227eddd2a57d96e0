import type { CliText } from './cli-text.js';

/** The terminal program's own words in Japanese. */
export const ja: CliText = {
  help: `ターミナルで使う Attune：週ごとのチェックイン、自分だけのふり返り、いまの歩み。

使い方: attune [コマンド] [オプション]

コマンド:
  check-in          週ごとのチェックインに答える
  reflect           自分だけのふり返りを書く
  progress          プログラムのどこにいるかを見る
  (コマンドなし)    メニューから選ぶ

オプション:
  --file <path>     記録を保存する場所（ATTUNE_FILE、既定は ~/.attune/attune.jsonl）
  --as <name>       いまキーボードの前にいる人（既定は最初に入力した名前）
  --locale <code>   言語。ar や de など（既定は LC_ALL、LC_MESSAGES、LANG から）
  --exercise <id>   書きたいふり返り（reflect のときだけ）
  --help            この説明`,
  setup: {
    welcome: 'ようこそ。はじめてなので、ふたりの記録を準備しましょう。',
    me: 'お名前は何とお呼びしましょうか？ ',
    partner: 'パートナーのお名前は？ ',
    different: '別々の名前を選んでください。',
    saved: '記録は {{file}} に保存されます。',
  },
  menu: {
    title: '何をしますか？',
    'check-in': '週ごとのチェックインに答える',
    reflect: '自分だけのふり返りを書く',
    progress: 'いまの歩みを見る',
    quit: '終わる',
    choose: '番号を入力: ',
    invalid: '表示されている番号のどれかを入力してください。',
  },
  'check-in': {
    intro:
      'それぞれの項目に {{min}}（{{minLabel}}）から {{max}}（{{maxLabel}}）までの数字を選んでください。Enter だけで項目を飛ばせます。',
    ask: '{{dimension}}（{{min}}–{{max}}）: ',
    invalid: '{{min}} から {{max}} までの整数を入力するか、Enter で飛ばしてください。',
    saved: '保存しました。',
    nothing: 'すべての項目を飛ばしたので、何も保存していません。',
  },
  reflect: {
    intro: '好きなだけ書いてください。空の行で Enter を押すと終わります。',
    saved: '保存しました。',
    nothing: '答えが空だったので、何も保存していません。',
    completed: '「{{exercise}}」の問いにすべて答えたので、完了になりました。',
    'all-done': 'いま開いているふり返りの問いには、すべて答えています。',
    unknown: '「{{exercise}}」というふり返りはありません。選べるもの: {{list}}',
    'not-open': '「{{exercise}}」はまだ開いていないステップにあります。',
  },
  progress: {
    step: '{{step}}: {{status}}、{{percent}}',
    'step-locked': '{{step}}: {{status}}',
    'opens-when': '開く条件:',
    rhythm: 'リズム: {{rhythm}}',
    next: '次は: {{exercise}}',
  },
  stopped: '最後の答えの前に入力が終わったので、それ以上は保存していません。',
  paused: 'プログラムは一時停止中です。どちらかが再開するまで、これは待ちになります。',
  resting: 'このエクササイズはいまお休み中です。ほかのものを選べます。',
  error: {
    arguments: '{{reason}}。--help でできることを確認できます。',
    'unknown-command':
      '「{{command}}」というコマンドはありません。--help でできることを確認できます。',
    'unknown-name': '「{{name}}」はおふたりのどちらでもありません。次から選んでください: {{names}}',
    'read-only': 'いまは記録を読むことだけができ、書くことはできません: {{reason}}',
    'setup-file':
      '{{file}} を読めませんでした（{{reason}}）。何も変更していません。ファイルを直すか、別の場所に移してから始め直してください。',
    'setup-missing':
      '{{file}} には記録がありますが、{{setup}} が見つかりません。何も変更していません。元に戻すか、別の --file を選んでください。',
    'cannot-open': '記録を開けませんでした: {{reason}}',
    'not-saved': '保存できませんでした: {{reason}}',
    problem: 'お知らせ: {{message}}',
  },
};
