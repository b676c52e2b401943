{#- The script of a MapScript (maps.py): the element's file from assets/map/, which defines one function,
    called with the element's parent (the map or a feature group) and its arguments, each a JSON text
    made safe for a script element (safe_text.script_json). Read as it is, not compacted. -#}
{% macro script(this, kwargs) %}
(function() {
{{ this.source }}
{{ this.function }}({{ this._parent.get_name() }}{% for argument in this.arguments %}, {{ argument }}{% endfor %});
})();
{% endmacro %}
