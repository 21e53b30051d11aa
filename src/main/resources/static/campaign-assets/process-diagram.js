// Draws one process instance's diagram with bpmn-js 18's navigated viewer (global BpmnJS, loaded
// before this file) and marks the path it took: review.ProcessDiagramPage writes the data into the
// page as JSON (#diagram-data: bpmnXml, and marks per element id: state, count, details).
// Works on the server and offline in the export (no request of its own). Texts are set with
// textContent only.
(function () {
  var data = JSON.parse(document.getElementById('diagram-data').textContent);
  var viewer = new BpmnJS({ container: '#canvas' });

  function failed(error) {
    document.getElementById('diagram-error').hidden = false;
    document.body.setAttribute('data-diagram', 'failed');
    if (window.console) {
      window.console.error(error);
    }
  }

  viewer.importXML(data.bpmnXml).then(function () {
    var canvas = viewer.get('canvas');
    var registry = viewer.get('elementRegistry');
    var overlays = viewer.get('overlays');
    Object.keys(data.marks).forEach(function (id) {
      var mark = data.marks[id];
      var gfx = registry.getGraphics(id);
      if (!gfx) {
        return;
      }
      canvas.addMarker(id, 'cr-' + mark.state);
      var title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = mark.details;
      gfx.appendChild(title);
      if (mark.count > 1 && mark.state !== 'taken' && mark.state !== 'not-taken') {
        var badge = document.createElement('span');
        badge.className = 'cr-count';
        badge.textContent = '×' + mark.count;
        overlays.add(id, { position: { top: -8, right: 12 }, html: badge });
      }
    });
    canvas.zoom('fit-viewport');
    document.body.setAttribute('data-diagram', 'ready');
  }).catch(failed);
}());
