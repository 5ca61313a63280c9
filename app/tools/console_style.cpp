// The console's style sheet, served from the binary as /console/style.css (the policy allows no
// inline style). Phone first: one column at 390 px, a centred card on a desk; 44 px touch targets.
#include "console_pages.hpp"

namespace sf::tools {

const char* consoleCss() {
  return R"CSS(:root{color-scheme:light;--ink:#15191e;--muted:#4f5966;--line:#d3dae2;--bg:#f2f4f7;--card:#fff;--accent:#0b5cad;
--info:#0b5cad;--important:#8a4b00;--emergency:#b42318;--ok:#1a7339;--focus:#0b5cad}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:17px/1.45 Inter,"Segoe UI",system-ui,-apple-system,Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
.skip{position:absolute;left:-999px;top:8px;background:var(--card);padding:8px 12px;border-radius:8px;z-index:2}
.skip:focus{left:8px}
header.top{background:var(--card);border-bottom:1px solid var(--line)}
.bar{max-width:720px;margin:0 auto;padding:10px 16px;display:flex;align-items:center;justify-content:space-between;gap:12px}
.bar-row{border-top:1px solid var(--line)}
.bar.second{padding-top:6px;padding-bottom:6px;flex-wrap:wrap}
.brand{margin:0;font-weight:700;letter-spacing:.02em}
.brand span{color:var(--muted);font-weight:500}
.lang{display:flex;gap:2px;border:1px solid var(--line);border-radius:999px;padding:3px}
.lang a{min-width:44px;min-height:36px;display:flex;align-items:center;justify-content:center;border-radius:999px;color:var(--muted);
text-decoration:none;font-weight:650;font-size:.85rem}
.lang a[aria-current]{background:var(--ink);color:#fff}
.sections{display:flex;gap:4px}
.sections a{min-height:44px;display:flex;align-items:center;padding:0 12px;border-radius:8px;color:var(--ink);text-decoration:none;font-weight:600}
.sections a[aria-current]{background:var(--bg);box-shadow:inset 0 -3px 0 var(--accent)}
.who{display:flex;align-items:center;gap:8px;margin:0;font-size:.9rem;color:var(--muted)}
main{max-width:720px;margin:0 auto;padding:8px 16px 40px}
h1{font-size:1.6rem;line-height:1.2;margin:18px 0 6px}
h2{font-size:1.2rem;margin:28px 0 10px}
.lead{color:var(--muted);margin:0 0 14px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:16px;margin:12px 0;box-shadow:0 1px 2px rgba(16,24,40,.05)}
form.card{display:flex;flex-direction:column}
label{font-weight:600;margin:14px 0 6px}
form.card>label:first-of-type{margin-top:4px}
input,textarea,button{font:inherit}
input:not([type=radio]),textarea{width:100%;min-height:48px;padding:10px 12px;border:1px solid #8d97a3;border-radius:8px;background:#fff;color:var(--ink)}
textarea{resize:vertical}
fieldset{border:0;padding:0;margin:14px 0 0;min-width:0}
legend{font-weight:600;padding:0;margin-bottom:6px}
.choices{display:flex;flex-direction:column;gap:8px}
.choices.row{flex-direction:row;flex-wrap:wrap}
.choice{display:flex;gap:10px;align-items:flex-start;margin:0;padding:10px 12px;border:1px solid var(--line);border-radius:10px;font-weight:400;
min-height:48px;cursor:pointer;background:#fff}
.choices.row .choice{flex:1 1 auto;align-items:center}
.choice input{width:22px;height:22px;margin:2px 0 0;flex:none;accent-color:var(--accent)}
.choice b{display:block}
.choice small{display:block;color:var(--muted);font-size:.85rem}
.choice:has(input:checked){border-color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent)}
.choice.info b{color:var(--info)}.choice.important b{color:var(--important)}.choice.emergency b{color:var(--emergency)}
.hint{color:var(--muted);font-size:.85rem;margin:6px 0 0}
button{min-height:48px;padding:10px 18px;border-radius:10px;border:1px solid var(--ink);background:#fff;color:var(--ink);font-weight:650;cursor:pointer}
button.primary{margin-top:20px;background:var(--accent);border-color:var(--accent);color:#fff}
button.quiet{min-height:40px;padding:6px 12px;font-size:.9rem}
button.danger{border-color:var(--emergency);color:var(--emergency)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.choice:focus-within{outline:3px solid var(--focus);outline-offset:2px}
.note{padding:12px 14px;border-radius:10px;margin:12px 0;font-weight:600}
.note.ok{background:#e7f4ec;color:#12502a;border:1px solid #9fd1b1}
.note.error{background:#fdecea;color:#8c1c13;border:1px solid #f1aaa2}
.list{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:10px}
.item{background:var(--card);border:1px solid var(--line);border-left:6px solid var(--important);border-radius:10px;padding:12px 14px}
.item.info{border-left-color:var(--info)}.item.emergency{border-left-color:var(--emergency)}
.item .meta{margin:0;color:var(--muted);font-size:.9rem}
.item .text{margin:6px 0 10px;overflow-wrap:anywhere;white-space:pre-wrap}
.badge{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;color:#fff;background:var(--important);
border-radius:999px;padding:1px 9px}
.item.info .badge{background:var(--info)}.item.emergency .badge{background:var(--emergency)}
.empty{color:var(--muted)}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:10px 8px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;font-size:.9rem}
/* A table as a card: padding needs separate borders (collapsed ones ignore it); the last row's rule is the card's edge. */
table.card{border-collapse:separate;border-spacing:0;padding:4px 8px}
table.card tbody tr:last-child td{border-bottom:0}
@media (min-width:760px){main{padding-top:16px}h1{font-size:1.9rem}.choices{flex-direction:row}.choice{flex:1 1 0}}
/* Inside a fieldset a label is no flex item: as a block its margins hold it off the choices. */
fieldset>label{display:block}
/* Publish, history, rollback and screens */
.sections{flex-wrap:wrap}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
section.card h2{margin-top:0}
.changes h3{font-size:1rem;margin:14px 0 6px}
.changes ul{margin:0;padding-left:1.2em}
.changes li{margin:3px 0;overflow-wrap:anywhere}
.changes li.more,.remark{color:var(--muted)}
.remark{margin:12px 0 0}
.note ul{margin:6px 0 0;padding-left:1.2em;font-weight:400;overflow-wrap:anywhere}
.note p{margin:0}
.history,.screens,.sources{list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:10px}
.release,.screen,.source{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.release.current{border-left:6px solid var(--ok)}
.release p{margin:0}
.rev{display:flex;flex-wrap:wrap;align-items:baseline;gap:8px}
.rev b{font-size:1.1rem}
.rev .when{color:var(--muted);font-size:.9rem;margin-left:auto}
.release .meta,.screen .meta,.source .meta{color:var(--muted);font-size:.9rem;margin:4px 0 0;overflow-wrap:anywhere}
.release .counts{margin:4px 0 0}
.badge.now{background:var(--ok)}
a.button-link{display:inline-flex;align-items:center;min-height:44px;margin-top:10px;padding:8px 16px;border:1px solid var(--ink);border-radius:10px;
color:var(--ink);text-decoration:none;font-weight:650}
form.actions{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin-top:16px}
form.actions a.button-link{margin-top:0}
.screen-top{display:flex;justify-content:space-between;align-items:flex-start;gap:10px}
.screen h3,.source h3{margin:0;font-size:1.05rem;overflow-wrap:anywhere}
.screen .badge{background:var(--ok)}
.screen.fault .badge{background:var(--emergency)}.screen.offline .badge{background:#6b21a8}.screen.behind .badge{background:var(--important)}
.screen.dark .badge{background:#3f4b5b}
.screen.fault,.screen.offline,.screen.behind,.source.failing{border-left:6px solid var(--emergency)}
img.shot{display:block;width:100%;height:auto;aspect-ratio:16/9;object-fit:contain;background:#111820;border-radius:6px;margin:10px 0 0}
.screen dl,.source dl{display:grid;grid-template-columns:minmax(7em,auto) 1fr;gap:4px 12px;margin:10px 0 0;font-size:.95rem}
dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
.problem{color:var(--emergency);font-weight:600}
code{font-size:.85em;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:1px 4px;overflow-wrap:anywhere}
@media (min-width:760px){.screens{display:grid;grid-template-columns:repeat(2,minmax(0,1fr))}}
)CSS"
         // The Programme page: day and room chips, one row per event with its marks, fix forms.
         R"CSS(.chips{display:flex;gap:6px;overflow-x:auto;padding:2px 2px 8px;margin:6px 0;scrollbar-width:thin}
.chips a{flex:none;min-height:44px;display:flex;align-items:center;padding:0 14px;border:1px solid var(--line);border-radius:999px;
background:var(--card);color:var(--ink);text-decoration:none;font-weight:600;font-size:.92rem;white-space:nowrap}
.chips a[aria-current]{background:var(--ink);border-color:var(--ink);color:#fff}
.chips.rooms a{font-weight:500}
a.button{display:inline-flex;align-items:center;min-height:48px;padding:10px 18px;border-radius:10px;text-decoration:none;font-weight:650}
a.button.primary{background:var(--accent);color:#fff}
.programme{list-style:none;margin:8px 0;padding:0;display:flex;flex-direction:column;gap:8px}
.prow a{display:flex;gap:12px;align-items:flex-start;padding:12px 14px;background:var(--card);border:1px solid var(--line);border-radius:10px;
color:var(--ink);text-decoration:none;min-height:56px}
.prow a:hover{border-color:var(--accent)}
.ptime{flex:none;width:6.6em;font-weight:700;font-variant-numeric:tabular-nums;font-size:.95rem}
.pbody{display:flex;flex-direction:column;gap:2px;min-width:0}
.ptitle{font-weight:650;overflow-wrap:anywhere}
.pmeta{color:var(--muted);font-size:.9rem;overflow-wrap:anywhere}
.prow.cancelled .ptitle{text-decoration:line-through;color:var(--muted)}
.marks{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px}
.mark{display:inline-block;font-size:.75rem;font-weight:700;border-radius:999px;padding:1px 9px;border:1px solid currentColor}
.mark.cancelled{color:var(--emergency)}.mark.changed{color:var(--important)}.mark.new{color:var(--ok)}.mark.pinned{color:var(--accent)}
.mark.source{color:var(--muted);font-weight:600}
.mark.big{font-size:.95rem;padding:4px 12px}
.note.warn{background:#fff4e0;color:#5c3300;border:1px solid #f0c27a;font-weight:500}
.note ul{margin:6px 0 0;padding-left:20px;font-weight:500}
.note p{margin:0}
.back{margin:14px 0 0}
.back a{color:var(--accent);font-weight:600}
section.card h2{margin:0 0 8px;font-size:1.1rem}
section.card form{display:flex;flex-direction:column}
section.card button{align-self:flex-start;margin-top:14px}
select{width:100%;min-height:48px;padding:10px 12px;border:1px solid #8d97a3;border-radius:8px;background:#fff;color:var(--ink);font:inherit}
.pin{display:flex;gap:10px;align-items:flex-start;font-weight:500;margin:14px 0 0;padding:10px 12px;border:1px solid #f0c27a;border-radius:10px;
background:#fffaf0}
.pin input{width:22px;height:22px;margin:2px 0 0;flex:none;accent-color:var(--accent)}
@media (min-width:760px){.programme{gap:6px}.ptime{width:7.5em}}
.actions{display:flex;flex-wrap:wrap;gap:10px;margin-top:20px}
.actions button{flex:1 1 140px}
.actions button.primary{margin-top:0}
/* The rollback's confirmation: a row of a button and a link, not a card's column of full-basis buttons. */
section.card form.actions{flex-direction:row;align-items:center}
section.card form.actions button{flex:0 0 auto;align-self:center;margin-top:0}
.pv-grid{display:grid;grid-template-columns:1fr;gap:0 14px}
.pv-grid>div{display:flex;flex-direction:column}
.shots{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:12px 0;align-items:start}
.shot{margin:0;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px}
.shot a{display:block;border-radius:4px}
.shot img{display:block;width:100%;height:auto;border-radius:4px;background:#d9dee5}
.shot figcaption{font-size:.85rem;color:var(--muted);margin-top:6px;overflow-wrap:anywhere}
.announce-preview{margin-top:8px}
@media (min-width:760px){.pv-grid{grid-template-columns:1fr 1fr}.shots{grid-template-columns:repeat(auto-fill,minmax(210px,1fr))}}
)CSS";
}

}  // namespace sf::tools
