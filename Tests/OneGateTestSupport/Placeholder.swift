enum _TSPlaceholder {}
