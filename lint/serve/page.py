"""The desk's page: one HTML document and its script (served from the desk itself: nothing from outside).

The page sends the dropped or chosen reports to ``POST /jobs`` (with the session's token in a header), shows
each upload's progress from ``GET /jobs/<id>``, then its reports with their counts; a click shows that
report's findings beside the document in a sandboxed frame (the HTML report, with its own filters).
"""

from __future__ import annotations

import json
from html import escape

STRINGS = {
    "en": {"title": "crossfoot desk", "drop": "Drop reports or a folder here, or", "files": "choose files",
           "folder": "choose a folder",
           "accepts": "PDF, OFD, Word (.docx), Excel (.xlsx, .xls), HTML, text or Markdown; up to {mb} MB "
                      "each. Nothing leaves this computer.",
           "filter": "filter reports", "report": "report", "errors": "errors", "warnings": "warnings",
           "infos": "infos", "state": "result", "queued": "waiting…", "running": "checking…",
           "done": "done", "failed": "failed", "close": "close", "download": "download",
           "refused": "not taken", "unchecked": "not checked", "clean": "no findings", "open": "open",
           "sending": "sending…", "upload failed": "the upload failed", "pick": "Pick a report to see "
           "its findings beside the document.", "this report": "this report (HTML)",
           "reports": "{n} report(s)",
           "gone": "the desk is not running any more: start crossfoot serve again and open the address it "
                   "prints (the reports checked before were removed when it stopped)"},
    "zh": {"title": "crossfoot 报告核对", "drop": "把报告或文件夹拖到这里，或", "files": "选择文件",
           "folder": "选择文件夹",
           "accepts": "支持 PDF、OFD、Word（.docx）、Excel（.xlsx、.xls）、HTML、文本或 Markdown；"
                      "每份不超过 {mb} MB。文件不会离开本机。",
           "filter": "筛选报告", "report": "报告", "errors": "错误", "warnings": "警告", "infos": "提示",
           "state": "结果", "queued": "等待中…", "running": "检查中…", "done": "完成", "failed": "失败",
           "close": "关闭", "download": "下载", "refused": "未接收", "unchecked": "无法检查",
           "clean": "未发现问题", "open": "查看", "sending": "上传中…", "upload failed": "上传失败",
           "pick": "点选一份报告，在原文旁查看问题。", "this report": "本报告（HTML）",
           "reports": "{n} 份报告",
           "gone": "核查台已停止运行：请重新运行 crossfoot serve，并打开它显示的地址"
                   "（停止时已删除此前检查的报告）"},
}

STYLE = """
body{font:14px system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;display:flex;height:100vh}
#side{width:42%;min-width:360px;overflow:auto;padding:12px 16px;box-sizing:border-box;
  border-right:1px solid #ddd}
#view{flex:1;display:flex;flex-direction:column}#view iframe{flex:1;border:0;width:100%}
#hint{padding:24px;color:#666}h1{font-size:18px;margin:4px 0 12px}
#drop{border:2px dashed #aaa;border-radius:8px;padding:18px;text-align:center;color:#444}
#drop.over{border-color:#2a6;background:#f3fbf6}#drop small{display:block;color:#777;margin-top:6px}
.job{border:1px solid #ddd;border-radius:6px;margin:12px 0;padding:8px 10px}
.job header{display:flex;justify-content:space-between;align-items:center;gap:8px}
.job progress{width:100%}.job table{width:100%;border-collapse:collapse;margin-top:6px}
.job th{white-space:nowrap}.job td,.job th{padding:2px 6px;border-bottom:1px solid #eee;text-align:left}
.job tr.pick{cursor:pointer}.job tr.pick:hover{background:#f5f5f5}.job tr.on{background:#e8f0fe}
.e{color:#b00;font-weight:600}.w{color:#a60}.why{color:#b00}.links a{margin-right:10px}
#filter{width:100%;margin:10px 0;box-sizing:border-box}#viewbar{padding:4px 10px;border-bottom:1px solid #ddd}
"""

SCRIPT = r"""
(function(){
  var S=JSON.parse(document.getElementById('strings').textContent);
  var token=document.querySelector('meta[name=csrf]').content;
  var jobs=document.getElementById('jobs'), frame=document.getElementById('frame');
  var hint=document.getElementById('hint'), bar=document.getElementById('viewbar');
  function t(k,v){var s=S[k]||k;for(var n in (v||{})){s=s.replace('{'+n+'}',v[n]);}return s;}
  function el(tag,attrs,kids){var e=document.createElement(tag);for(var a in (attrs||{})){
    if(a==='text'){e.textContent=attrs[a];}else{e.setAttribute(a,attrs[a]);}}
    (kids||[]).forEach(function(k){e.appendChild(k);});return e;}
  function send(files){
    if(!files.length){return;}
    var data=new FormData();files.forEach(function(f){data.append('files',f,f.webkitRelativePath||f.name);});
    var card=el('div',{'class':'job'},[el('p',{text:t('sending')}),el('progress',{})]);
    jobs.insertBefore(card,jobs.firstChild);
    var x=new XMLHttpRequest();x.open('POST','/jobs');x.setRequestHeader('X-Crossfoot-Token',token);
    x.upload.onprogress=function(e){if(e.lengthComputable){var p=card.querySelector('progress');
      p.max=e.total;p.value=e.loaded;}};
    x.onload=function(){var r;try{r=JSON.parse(x.responseText);}catch(err){r={error:x.statusText};}
      if(x.status!==200){card.replaceChildren(el('p',{'class':'why',text:t('upload failed')+': '+
        (r.error||x.status)}));return;}
      card.id='job-'+r.job;show(card,r);poll(card,r.job);};
    x.onerror=function(){
      card.replaceChildren(el('p',{'class':'why',text:t('upload failed')+': '+t('gone')}));};
    x.send(data);
  }
  function poll(card,id){
    fetch('/jobs/'+id,{credentials:'same-origin'}).then(function(r){return r.json();}).then(function(r){
      if(r.error){card.replaceChildren(el('p',{'class':'why',text:r.error}));return;}
      show(card,r);if(r.state==='queued'||r.state==='running'){setTimeout(function(){poll(card,id);},600);}
    });
  }
  function show(card,r){
    var head=el('header',{},[el('strong',{text:r.total===1&&r.files.length?r.files[0].name:
      t('reports',{n:r.total})}),el('span',{'class':'state',text:t(r.state)+(r.problem?': '+r.problem:'')})]);
    var close=el('button',{type:'button',text:t('close')});
    close.onclick=function(){fetch('/jobs/'+r.job+'/close',{method:'POST',credentials:'same-origin',
      headers:{'X-Crossfoot-Token':token}}).then(function(){card.remove();
      if(frame.dataset.job===r.job){frame.removeAttribute('src');frame.hidden=true;hint.hidden=false;
      bar.hidden=true;}});};
    head.appendChild(close);var kids=[head];
    if(r.state!=='done'&&r.state!=='failed'){kids.push(el('progress',{max:String(r.total||1),
      value:String(r.done)}),el('span',{text:' '+r.done+' / '+r.total}));}
    var rows=r.files.map(function(f){
      var result=f.status!=='ok'?el('td',{'class':'why',text:t('unchecked')+': '+f.error}):
        el('td',{text:f.errors+f.warnings+f.infos?'':t('clean')});
      var tr=el('tr',{'data-name':f.name},[el('td',{text:f.name}),el('td',{'class':f.errors?'e':'',
        text:f.status==='ok'?String(f.errors):''}),el('td',{'class':f.warnings?'w':'',
        text:f.status==='ok'?String(f.warnings):''}),el('td',{text:f.status==='ok'?String(f.infos):''}),result]);
      if(f.report){tr.className='pick';tr.dataset.report=f.report;tr.tabIndex=0;tr.onclick=function(){open(r.job,f,tr);};
        tr.onkeydown=function(e){if(e.key==='Enter'){open(r.job,f,tr);}};}
      return tr;});
    r.refused.forEach(function(f){rows.push(el('tr',{'data-name':f.name},[el('td',{text:f.name}),
      el('td',{}),el('td',{}),el('td',{}),el('td',{'class':'why',text:t('refused')+': '+f.why})]));});
    if(rows.length){kids.push(el('table',{},[el('thead',{},[el('tr',{},[el('th',{text:t('report')}),
      el('th',{text:t('errors')}),el('th',{text:t('warnings')}),el('th',{text:t('infos')}),
      el('th',{text:t('state')})])]),el('tbody',{},rows)]));}
    if(r.state==='done'&&r.files.length){kids.push(el('p',{'class':'links'},[
      el('span',{text:t('download')+': '}),
      el('a',{href:'/jobs/'+r.job+'/download/findings.xlsx',download:'',text:'XLSX'}),
      el('a',{href:'/jobs/'+r.job+'/download/findings.csv',download:'',text:'CSV'}),
      el('a',{href:'/jobs/'+r.job+'/download/findings.json',download:'',text:'JSON'})]));}
    card.replaceChildren.apply(card,kids);filter();
  }
  function open(job,f,tr){
    document.querySelectorAll('.job tr.on').forEach(function(x){x.classList.remove('on');});
    tr.classList.add('on');
    frame.src='/'+f.report;frame.dataset.job=job;frame.hidden=false;hint.hidden=true;bar.hidden=false;
    bar.replaceChildren(el('strong',{text:f.name+' '}),el('a',{href:'/'+f.report+'?download=1',download:'',
      text:t('download')+' '+t('this report')}));
  }
  function filter(){var q=document.getElementById('filter').value.toLowerCase();
    document.querySelectorAll('.job tbody tr').forEach(function(tr){
      tr.hidden=q&&tr.dataset.name.toLowerCase().indexOf(q)<0;});}
  document.getElementById('filter').addEventListener('input',filter);
  var drop=document.getElementById('drop');
  ['files','folder'].forEach(function(id){var input=document.getElementById(id);
    input.addEventListener('change',function(){send(Array.from(input.files));input.value='';});});
  drop.addEventListener('dragover',function(e){e.preventDefault();drop.classList.add('over');});
  drop.addEventListener('dragleave',function(){drop.classList.remove('over');});
  drop.addEventListener('drop',function(e){e.preventDefault();drop.classList.remove('over');
    var items=Array.from(e.dataTransfer.items||[]).map(function(i){
      return i.webkitGetAsEntry&&i.webkitGetAsEntry();});
    if(!items.length||items.some(function(i){return !i;})){send(Array.from(e.dataTransfer.files));return;}
    var found=[],waiting=0;
    function walk(entry){waiting++;
      if(entry.isFile){entry.file(function(f){found.push(f);if(--waiting===0){send(found);}},
        function(){if(--waiting===0){send(found);}});}
      else{var reader=entry.createReader(),all=[];
        (function more(){reader.readEntries(function(batch){if(batch.length){all=all.concat(batch);more();}
          else{all.forEach(walk);if(--waiting===0){send(found);}}});})();}}
    items.forEach(walk);});
  fetch('/jobs',{credentials:'same-origin'}).then(function(r){return r.json();}).then(function(list){
    list.forEach(function(r){var card=el('div',{'class':'job',id:'job-'+r.job});jobs.appendChild(card);
      show(card,r);if(r.state==='queued'||r.state==='running'){poll(card,r.job);}});});
  window.addEventListener('pagehide',function(){var d=new FormData();d.append('token',token);
    navigator.sendBeacon('/leave',d);});
})();
"""


def html(csrf: str, lang: str, limits) -> str:
    strings = STRINGS["zh" if lang == "zh" else "en"]
    say = {k: escape(v) for k, v in strings.items()}
    blob = json.dumps(strings, ensure_ascii=False).replace("<", "\\u003c")
    accepts = escape(strings["accepts"].format(mb=limits.file_mb))
    return ("<!doctype html>\n"
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="csrf" content="{escape(csrf)}"><title>{say["title"]}</title>'
            f"<style>{STYLE}</style></head><body>"
            f'<div id="side"><h1>{say["title"]}</h1>'
            f'<div id="drop">{say["drop"]} <label><input id="files" type="file" multiple hidden>'
            f'<u>{say["files"]}</u></label> · <label><input id="folder" type="file" webkitdirectory hidden>'
            f'<u>{say["folder"]}</u></label><small>{accepts}</small></div>'
            f'<input id="filter" type="search" placeholder="{say["filter"]}"><div id="jobs"></div></div>'
            f'<div id="view"><div id="viewbar" hidden></div><p id="hint">{say["pick"]}</p>'
            '<iframe id="frame" title="report" sandbox="allow-scripts" hidden></iframe></div>'
            f'<script type="application/json" id="strings">{blob}</script>'
            '<script src="/desk.js"></script></body></html>\n')


# what the desk says when a request cannot be served, in Chinese (the English is its own words)
ERRORS_ZH = {
    "open the address crossfoot serve printed":
        "请打开 crossfoot serve 启动时显示的地址（以 ?token=… 结尾）；"
        "若已关闭终端，请重新运行 crossfoot serve",
    "this request did not come from the desk's page": "此请求并非来自核查台页面",
    "no such upload (closed, or another session's)": "没有这次上传（已关闭，或属于另一会话）",
    "this address's token is not the desk's; use the one crossfoot serve printed":
        "此地址中的令牌不是本核查台的：请使用 crossfoot serve 启动时显示的地址",
    "no file was sent": "没有收到文件", "no such report": "没有这份报告",
    "no such download (yet)": "还没有可下载的文件", "no such download": "没有这个下载",
    "no such upload": "没有这次上传",
}


def error_text(detail: str, lang: str) -> str:
    """A refusal's words in ``lang``."""
    if lang != "zh":
        return detail
    if detail.startswith("the upload is larger than "):
        mb = detail.split()[5]
        return f"上传的文件超过 {mb} MB：请少传几份或传较小的文件"
    return ERRORS_ZH.get(detail, detail)


def error_html(said: str, lang: str) -> str:
    """A page saying why the desk refused a page the browser asked for (opened without its token: the
    address crossfoot serve printed is the way in)."""
    title = "crossfoot 报告核对" if lang == "zh" else "crossfoot desk"
    return ("<!doctype html>\n"
            f'<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f"<title>{title}</title><style>{STYLE}</style></head><body>"
            f'<div id="side"><h1>{title}</h1><p class="why">{escape(said)}</p></div></body></html>\n')
